import { describe, expect, it } from 'vitest';
import { bounceText, UNKNOWN_BOUNCE } from './bounce-reasons.js';

describe('bounceText', () => {
  it.each([
    ['550 5.1.1 <a@b.gov.vn>: Recipient address rejected: User unknown in virtual mailbox table', /^Hộp thư không tồn tại/],
    ['5.1.1 User unknown', /^Hộp thư không tồn tại/],
    ['552 5.2.2 Mailbox full', /^Hộp thư đã đầy/],
    ['550 5.7.1 Message rejected as spam', /chống thư rác/],
    ['554 5.1.2 Host or domain name not found', /^Tên miền/],
    ['550 Requested action not taken: mailbox unavailable', /từ chối địa chỉ này/],
    ['451 4.4.1 No answer from host', /^Không chuyển được thư/],
    ['smtp; 550 #5.1.10 RESOLVER.ADR.RecipientNotFound', /^Hộp thư không tồn tại \(máy chủ/],
  ])('reads %j in Vietnamese and keeps the reply', (reply, sentence) => {
    const out = bounceText(reply);
    expect(out.text).toMatch(sentence);
    expect(out.raw).toBe(reply);
  });

  it.each([null, '', 'Thư bị trả lại'])('has nothing more to show for %j', (reply) => {
    expect(bounceText(reply)).toEqual({ text: UNKNOWN_BOUNCE, raw: null });
  });

  it('keeps an unreadable reply behind the detail', () => {
    expect(bounceText('Delivery failed for unknown reasons')).toEqual({ text: UNKNOWN_BOUNCE, raw: 'Delivery failed for unknown reasons' });
  });
});
