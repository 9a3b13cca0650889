import { describe, expect, it } from 'vitest';
import { readDsn } from './dsn.js';
import { canUrge, dueReminders } from './reminders.js';

const deadline = new Date('2024-01-10T16:59:00Z');
const daysBefore = (d: number, hours = 0) => new Date(deadline.getTime() - d * 86400_000 + hours * 3600_000);

describe('dueReminders', () => {
  it.each([
    [daysBefore(8), new Set<string>(), []],
    [daysBefore(7, 1), new Set<string>(), [{ label: 'd-7', send: true }]],
    [daysBefore(7, 1), new Set(['d-7']), []],
    [daysBefore(1), new Set<string>(), [{ label: 'd-7', send: false }, { label: 'd-2', send: true }]],
    [daysBefore(1), new Set(['d-7']), [{ label: 'd-2', send: true }]],
    [daysBefore(-1), new Set<string>(), []],
  ])('at %s with %o done gives %o', (now, done, expected) => {
    expect(dueReminders(now, deadline, [2, 7], done)).toEqual(expected);
  });
});

describe('canUrge', () => {
  it('allows one urging per 24 hours', () => {
    const last = new Date('2024-01-01T08:00:00Z');
    expect(canUrge(new Date('2024-01-01T20:00:00Z'), last)).toBe(false);
    expect(canUrge(new Date('2024-01-02T08:00:00Z'), last)).toBe(true);
    expect(canUrge(new Date(), null)).toBe(true);
  });
});

describe('readDsn', () => {
  const status = 'Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; a@b.vn\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  User unknown\r\n';
  it('finds the returned Message-ID and a permanent failure, ignoring its own Message-ID', () => {
    const r = readDsn('<dsn@mx>', [{ contentType: 'message/delivery-status', content: status }, { contentType: 'text/rfc822-headers', content: 'Message-ID: <m1@localhost>\r\nSubject: x\r\n' }], 'Message-ID: <dsn@mx>\r\n');
    expect(r).toEqual({ messageIds: ['<m1@localhost>'], permanent: true, status: '5.1.1', reason: 'smtp; 550 5.1.1 User unknown' });
  });

  it('treats a delay as not a bounce', () => {
    const r = readDsn(undefined, [{ contentType: 'message/delivery-status', content: status.replace('failed', 'delayed').replace('5.1.1', '4.4.7') }], 'Message-ID: <m2@localhost>');
    expect(r.permanent).toBe(false);
  });
});
