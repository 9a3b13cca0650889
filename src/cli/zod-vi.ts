// Validation messages in Vietnamese for everything the command line checks
// with zod. The common cases get a plain sentence; the rest fall back to
// zod's own Vietnamese locale.
import { z } from 'zod';

const TYPES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  date: 'ngày',
  bigint: 'số nguyên',
};

const UNITS: Record<string, string> = { string: 'ký tự', array: 'phần tử', set: 'phần tử', file: 'byte' };

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const vnNumber = (n: number | bigint) => new Intl.NumberFormat('vi-VN').format(n);

const fallback = z.locales.vi().localeError!;

export const vietnameseIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu giá trị bắt buộc';
      return `phải là ${TYPES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `phải là ${show(issue.values[0])}`;
      return `giá trị ${issue.input === undefined ? '' : `"${show(issue.input)}" `}không hợp lệ; chọn một trong: ${issue.values.map(show).join(', ')}`;
    case 'too_small': {
      const unit = UNITS[issue.origin ?? ''];
      if (unit) return Number(issue.minimum) === 1 && issue.inclusive ? 'không được để trống' : `cần ít nhất ${vnNumber(issue.minimum)} ${unit}`;
      return `phải ${issue.inclusive ? 'từ' : 'lớn hơn'} ${vnNumber(issue.minimum)}${issue.inclusive ? ' trở lên' : ''}`;
    }
    case 'too_big': {
      const unit = UNITS[issue.origin ?? ''];
      if (unit) return `không được quá ${vnNumber(issue.maximum)} ${unit}`;
      return `phải ${issue.inclusive ? 'không quá' : 'nhỏ hơn'} ${vnNumber(issue.maximum)}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'địa chỉ email không hợp lệ';
      if (issue.format === 'regex') return 'sai định dạng';
      return fallback(issue);
    case 'unrecognized_keys':
      return `không nhận ra: ${issue.keys.join(', ')}`;
    default:
      return fallback(issue);
  }
};

/** Makes every zod message in this process Vietnamese (explicit messages in schemas still win). */
export function useVietnameseValidation() {
  z.config({ localeError: vietnameseIssue });
}

/** One line per problem: "role: giá trị … không hợp lệ; chọn một trong: …". */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}
