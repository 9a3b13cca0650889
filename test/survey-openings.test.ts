import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from './helpers/seed.js';
import { answerAll, formPost } from './helpers/survey.js';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';

// Openings that arrive together are written together; each must still count
// exactly once, with every distinct device, whatever the grouping.
let t: TestApp;
let people: SeededInvitation[];
const CAMPAIGN = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  people = await seedSubmittedList(
    t,
    CAMPAIGN,
    '22',
    Array.from({ length: 30 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd', name: `Đại biểu ${i}` })),
  );
});
afterAll(() => t?.close());

const open = (token: string, device: number) =>
  t.app.inject({ method: 'GET', url: `/s/${token}`, remoteAddress: `198.51.100.${device}`, headers: { 'user-agent': `Trình duyệt ${device}` } });
const links = async () =>
  rowsOf<{ id: string; first_opened_at: unknown; devices_seen: number }>(
    await t.db.execute(sql`select id, first_opened_at, devices_seen from invitations where campaign_id = ${CAMPAIGN} and body_code = '22'`),
  );
const counted = async () =>
  rowsOf<{ opened: number }>(await t.db.execute(sql`select coalesce(sum(opened), 0)::int as opened from progress_counters where campaign_id = ${CAMPAIGN} and body_code = '22'`))[0]!.opened;

describe('a burst of openings', () => {
  it('records each link opened once and each distinct device once, however the writes are grouped', async () => {
    const burst = people.slice(0, 20);
    // Each link: device 1 three times, device 2 once, all at the same moment.
    const pages = await Promise.all(burst.flatMap((p) => [open(p.token, 1), open(p.token, 1), open(p.token, 2), open(p.token, 1)]));
    expect(pages.map((r) => r.statusCode)).toEqual(pages.map(() => 200));
    const byId = new Map((await links()).map((l) => [l.id, l]));
    for (const p of burst) {
      expect(byId.get(p.invitationId)!.first_opened_at).not.toBeNull();
      expect(byId.get(p.invitationId)!.devices_seen).toBe(2);
    }
    for (const p of people.slice(20)) expect(byId.get(p.invitationId)!.first_opened_at).toBeNull();
    expect(await counted()).toBe(20);
  });

  it('opens links being submitted at the same moment without a lost or doubled count', async () => {
    const form = formForGroup(await t.services.campaigns.config(CAMPAIGN), 'hdnd')!;
    const racing = people.slice(20, 30);
    const submit = (token: string) => {
      const p = formPost({ ...answerAll(form, ['22']), action: 'submit' });
      return t.app.inject({ method: 'POST', url: `/s/${token}`, remoteAddress: '198.51.100.7', payload: p.payload, headers: p.headers });
    };
    const results = await Promise.all(racing.flatMap((p) => [open(p.token, 3), submit(p.token), open(p.token, 4)]));
    expect(results.every((r) => [200, 410].includes(r.statusCode))).toBe(true);
    const rows = rowsOf<{ status: string; n: number }>(
      await t.db.execute(sql`select status, count(*)::int as n from invitations where id in (${sql.join(racing.map((p) => sql`${p.invitationId}::uuid`), sql`, `)}) group by status`),
    );
    expect(rows).toEqual([{ status: 'completed', n: 10 }]);
    const progress = rowsOf<{ opened: number; completed: number }>(
      await t.db.execute(sql`select sum(opened)::int as opened, sum(completed)::int as completed from progress_counters where campaign_id = ${CAMPAIGN} and body_code = '22'`),
    )[0]!;
    expect(progress).toEqual({ opened: 30, completed: 10 });
    const devices = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from invitation_devices where invitation_id in (${sql.join(racing.map((p) => sql`${p.invitationId}::uuid`), sql`, `)})`))[0]!;
    expect(devices.n).toBe(0);
    // The device that last opened a submitted link is gone from its row too.
    const kept = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from invitations where last_device is not null and id in (${sql.join(racing.map((p) => sql`${p.invitationId}::uuid`), sql`, `)})`))[0]!;
    expect(kept.n).toBe(0);
  });
});

describe('devices taking turns on one link', () => {
  const version = async (id: string) => rowsOf<{ v: string }>(await t.db.execute(sql`select xmin::text as v from invitations where id = ${id}`))[0]!.v;
  const seen = async (id: string) => rowsOf<{ n: number }>(await t.db.execute(sql`select devices_seen as n from invitations where id = ${id}`))[0]!.n;

  it('counts each device once, and a reopening by the device that opened the link last writes nothing', async () => {
    const p = people[0]!;
    for (const device of [5, 6, 5, 6, 5]) expect((await open(p.token, device)).statusCode).toBe(200);
    // Devices 1 and 2 from the burst, then 5 and 6.
    expect(await seen(p.invitationId)).toBe(4);
    const before = await version(p.invitationId);
    for (let i = 0; i < 3; i++) expect((await open(p.token, 5)).statusCode).toBe(200);
    expect(await version(p.invitationId)).toBe(before);
    expect((await open(p.token, 6)).statusCode).toBe(200);
    expect(await seen(p.invitationId)).toBe(4);
    expect(await counted()).toBe(30);
  });
});
