import { describe, expect, it } from 'vitest';
import { planInvitations, type ExistingInvitation } from './invitation-plan.js';

const person = (n: number, group = 'hdnd') => ({ respondentId: `r${n}`, groupCode: group, emailNorm: `p${n}@x.gov.vn` });
const inv = (n: number, status: ExistingInvitation['status'] = 'active', group = 'hdnd'): ExistingInvitation => ({
  id: `i${n}`,
  emailNorm: `p${n}@x.gov.vn`,
  groupCode: group,
  respondentId: `r${n}`,
  status,
});

describe('planInvitations', () => {
  it('invites everyone on a first submission', () => {
    expect(planInvitations([person(1), person(2)], [])).toEqual({ create: [person(1), person(2)], relink: [], cancel: [] });
  });

  it('keeps existing links, invites newcomers and cancels people no longer listed', () => {
    const plan = planInvitations([person(1), person(3)], [inv(1), inv(2)]);
    expect(plan).toEqual({ create: [person(3)], relink: [], cancel: ['i2'] });
  });

  it('never cancels someone who has already answered', () => {
    expect(planInvitations([], [inv(1, 'completed')]).cancel).toEqual([]);
  });

  it('revives a cancelled link when the person is listed again', () => {
    expect(planInvitations([person(1)], [inv(1, 'cancelled')]).relink).toEqual([{ id: 'i1', respondentId: 'r1', groupCode: 'hdnd', revive: true }]);
  });

  it('follows a change of group unless the answer is already in', () => {
    expect(planInvitations([person(1, 'lanh_dao_so')], [inv(1)]).relink).toEqual([{ id: 'i1', respondentId: 'r1', groupCode: 'lanh_dao_so', revive: false }]);
    expect(planInvitations([person(1, 'lanh_dao_so')], [inv(1, 'completed')]).relink).toEqual([]);
  });
});
