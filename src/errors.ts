// Errors a person can cause carry a stable code and a Vietnamese message they
// can act on. One handler (plugins/errors.ts) turns them into problem+json.

export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra, client-safe detail: field issues, a CSV report, counts. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Không tìm thấy tài nguyên được yêu cầu.') => new AppError('not_found', 404, what);
export const forbidden = (why = 'Tài khoản của bạn không có quyền thực hiện thao tác này.') =>
  new AppError('forbidden', 403, why);
export const unauthorized = (why = 'Bạn cần đăng nhập để tiếp tục.') => new AppError('unauthorized', 401, why);
export const conflict = (code: string, why: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, why, details);
export const invalid = (why: string, issues: FieldIssue[] = []) =>
  new AppError('validation_failed', 422, why, issues.length ? { errors: issues } : undefined);
