import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBodyListDeadline, checkDeadlineChange, formatDeadline, listDeadlineFor, parseDeadline, timeLeft, vietnamDay } from './deadlines.js';

describe('parseDeadline', () => {
  it.each([
    ['2023-12-15', '2023-12-15T16:59:59.999Z'],
    ['15/12/2023', '2023-12-15T16:59:59.999Z'],
    ['5/1/2024', '2024-01-05T16:59:59.999Z'],
    ['2023-12-15 17:00', '2023-12-15T10:00:00.000Z'],
    ['2023-12-15T08:30:15', '2023-12-15T01:30:15.000Z'],
    ['17:00 ngày 15/12/2023', '2023-12-15T10:00:00.000Z'],
    ['2023-12-15T10:00:00Z', '2023-12-15T10:00:00.000Z'],
    ['2023-12-15T17:00:00+07:00', '2023-12-15T10:00:00.000Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDeadline(input).toISOString()).toBe(iso);
  });

  it.each(['', 'mai', '2023-02-30', '32/12/2023', '2023-12-15 25:00', '15-12-2023'])('refuses %j with a message', (input) => {
    expect(() => parseDeadline(input)).toThrow(/không hợp lệ/);
  });

  it('shows a date-only deadline as the end of that day in Vietnam', () => {
    expect(formatDeadline(parseDeadline('2023-12-15'))).toBe('23:59 ngày 15/12/2023');
  });

  it('round-trips every minute through the Vietnamese format', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        expect(parseDeadline(formatDeadline(minute)).getTime()).toBe(minute.getTime());
      }),
    );
  });
});

describe('deadline helpers', () => {
  it('counts the Vietnamese calendar day, not UTC', () => {
    expect(vietnamDay(new Date('2023-12-15T17:30:00Z'))).toBe('2023-12-16');
  });

  it('prefers the body extension over the campaign deadline', () => {
    const campaign = { listDeadline: new Date('2023-12-15T16:59:59Z') };
    expect(listDeadlineFor(campaign, { listDeadline: null })).toBe(campaign.listDeadline);
    const extended = new Date('2023-12-20T16:59:59Z');
    expect(listDeadlineFor(campaign, { listDeadline: extended })).toBe(extended);
  });
});

describe('timeLeft', () => {
  const deadline = new Date('2024-01-10T16:59:59.999Z');
  it.each([
    ['2024-01-07T12:00:00Z', 'còn 3 ngày 4 giờ'],
    ['2024-01-10T14:00:00Z', 'còn 2 giờ 59 phút'],
    ['2024-01-10T16:59:30Z', 'còn 1 phút'],
    ['2024-01-10T17:00:00Z', 'đã hết hạn'],
  ])('at %s says %s', (now, text) => {
    expect(timeLeft(new Date(now), deadline)).toBe(text);
  });
});

describe('checking a deadline against the campaign timeline', () => {
  const t = { now: parseDeadline('17:00 ngày 10/12/2023'), listDeadline: parseDeadline('15/12/2023'), responseDeadline: parseDeadline('10/01/2024') };

  it.each([
    ['09/12/2023', /đã qua/],
    ['17:00 ngày 10/12/2023', /đã qua/],
    ['14/12/2023', /sớm hơn hạn gửi danh sách chung của đợt \(23:59 ngày 15\/12\/2023\)/],
    ['11/01/2024', /phải trước hạn trả lời phiếu của đợt \(23:59 ngày 10\/01\/2024\)/],
  ])('refuses a body extension to %s', (input, message) => {
    expect(() => checkBodyListDeadline(parseDeadline(input), t)).toThrow(message);
  });

  it.each(['15/12/2023', '20/12/2023', '10/01/2024'])('accepts a body extension to %s', (input) => {
    expect(() => checkBodyListDeadline(parseDeadline(input), t)).not.toThrow();
  });

  it('refuses a response deadline moved into the past, and one before a body’s extension', () => {
    expect(() => checkDeadlineChange({ ...t, responseDeadline: parseDeadline('01/12/2023') }, t, [])).toThrow(/Hạn trả lời phiếu 23:59 ngày 01\/12\/2023 đã qua/);
    const ext = [{ name: 'Tỉnh Quảng Ninh', listDeadline: parseDeadline('05/01/2024') }];
    expect(() => checkDeadlineChange({ ...t, responseDeadline: parseDeadline('04/01/2024') }, t, ext)).toThrow(/Tỉnh Quảng Ninh được gia hạn/);
    expect(() => checkDeadlineChange({ ...t, responseDeadline: parseDeadline('20/01/2024') }, t, ext)).not.toThrow();
  });

  it('leaves an unchanged deadline alone even when it has passed', () => {
    const later = { ...t, now: parseDeadline('20/12/2023') };
    expect(() => checkDeadlineChange({ listDeadline: t.listDeadline, responseDeadline: parseDeadline('20/01/2024') }, later, [])).not.toThrow();
  });
});
