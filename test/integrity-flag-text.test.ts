// A flag's evidence as the reviewer reads it: every piece shown, in Vietnamese
// words and numbers, with group names instead of codes.
import { describe, expect, it } from 'vitest';
import { consequence, evidenceRows, reportsOf, sentence, type Names } from '../src/modules/integrity/flag-text.js';

const names: Names = { body: (c) => (c === '22' ? 'Tỉnh Quảng Ninh' : c), group: (c) => (c === 'hdnd' ? 'Đại biểu HĐND tỉnh' : c), form: (c) => (c === 'phieu-hdnd' ? 'Đại biểu HĐND tỉnh' : c) };
const text = (e: Record<string, unknown>) => evidenceRows(e, names).map((r) => `${r.label}: ${r.value}`);

describe('flag evidence in words', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['devices on networks', { distinctDevices: 11, distinctNetworks: 4 }, 'Thiết bị và mạng: 11 thiết bị trên 4 mạng'],
    ['an expectation with a decimal comma', { expected: 0.2141 }, 'Kỳ vọng nếu trung thực: 0,21'],
    ['a probability as odds', { probability: 2.5e-7 }, 'Xác suất nếu trung thực: 1 trên 4 triệu'],
    ['a share as a percentage', { share: 0.611 }, 'Tỷ lệ: 61,1%'],
    ['a form by its group name', { form: 'phieu-hdnd' }, 'Nhóm người trả lời: Đại biểu HĐND tỉnh'],
    ['reports by kind in words', { byKind: { link_used_by_other: 1, pressured: 2 } }, 'Loại báo cáo: người khác đã dùng đường dẫn của tôi: 1; bị ép trả lời theo một cách: 2'],
    ['large counts grouped', { count: 12345 }, 'Số lượng: 12.345'],
    ['a piece the page has no label for, never dropped', { lateKey: 3 }, 'lateKey: 3'],
  ])('%s', (_, evidence, line) => expect(text(evidence)).toContain(line));

  it('keeps the sentences, the words and the ids apart from the list', () => {
    expect(text({ summary: 'a', honest: 'b', messages: [], responseIds: ['x'] })).toEqual([]);
  });

  it('replaces form codes in an older sentence by group names', () => {
    expect(sentence('9 phiếu phieu-hdnd giống hệt', names, ['phieu-hdnd'])).toBe('9 phiếu Đại biểu HĐND tỉnh giống hệt');
  });

  it('gives each report its words and kind', () => {
    expect(reportsOf({ messages: [{ kind: 'pressured', message: 'Bị ép chọn A.' }] })).toEqual([{ kind: 'pressured', message: 'Bị ép chọn A.', label: 'bị ép trả lời theo một cách' }]);
  });

  it.each([
    ['void_responses', 12, 'Hủy 12 phiếu trong bằng chứng của Tỉnh Quảng Ninh'],
    ['void_body', 0, 'Hủy toàn bộ kết quả của Tỉnh Quảng Ninh'],
    ['reopen', 0, 'được khôi phục'],
  ])('says what %s will do', (decision, n, words) => expect(consequence(decision, 'Tỉnh Quảng Ninh', n)).toContain(words));
});
