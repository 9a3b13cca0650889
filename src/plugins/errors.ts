// One place turns every failure into application/problem+json (or a plain
// HTML page for page routes). Messages are Vietnamese; 5xx details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../errors.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  [extra: string]: unknown;
};

/** Fastify's own client errors, in words an officer can act on. */
const FRAMEWORK_MESSAGES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'Dữ liệu gửi lên quá lớn.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'Tệp tải lên quá lớn.'],
  FST_FILES_LIMIT: [413, 'Chỉ được tải lên một tệp mỗi lần.'],
  FST_PARTS_LIMIT: [413, 'Yêu cầu có quá nhiều phần.'],
  FST_FIELDS_LIMIT: [413, 'Yêu cầu có quá nhiều trường.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Kiểu nội dung (Content-Type) không được hỗ trợ.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Độ dài nội dung không khớp với dữ liệu gửi lên.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'Nội dung JSON bị trống.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'Nội dung JSON không hợp lệ.'],
  FST_ERR_CTP_EMPTY_TYPE: [400, 'Thiếu kiểu nội dung (Content-Type).'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'Kiểu nội dung (Content-Type) không hợp lệ.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'Yêu cầu phải là multipart/form-data.'],
  FST_CSRF_INVALID_TOKEN: [403, 'Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang và thử lại.'],
  FST_CSRF_MISSING_SECRET: [403, 'Phiên làm việc đã hết hạn. Hãy tải lại trang và thử lại.'],
  FST_ERR_BAD_URL: [400, 'Địa chỉ không hợp lệ.'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'Yêu cầu không hợp lệ.'],
};

/** The multipart parser's own errors (a body cut short, a missing boundary) are the client's. */
const MALFORMED_MULTIPART = /^(Unexpected end of (form|multipart data)|Malformed urlencoded form|Multipart: Boundary not found|Malformed part header|.* terminated early due to unexpected end of multipart data)$/;

export function problemFrom(error: unknown): Problem {
  if (error instanceof AppError) {
    return { type: 'about:blank', title: titleFor(error.status), status: error.status, code: error.code, detail: error.message, ...error.details };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldIssue[] = error.validation.map((v) => ({
      field: [error.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'không hợp lệ',
    }));
    return {
      type: 'about:blank',
      title: titleFor(400),
      status: 400,
      code: 'validation_failed',
      detail: `Dữ liệu không hợp lệ: ${errors.map((e) => `${e.field || 'body'} (${e.message})`).join('; ')}`,
      errors,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FRAMEWORK_MESSAGES[fastifyError.code] : undefined;
  if (known) return { type: 'about:blank', title: titleFor(known[0]), status: known[0], code: fastifyError.code!.toLowerCase(), detail: known[1] };
  if (fastifyError.statusCode === 429) {
    return { type: 'about:blank', title: titleFor(429), status: 429, code: 'rate_limited', detail: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một lúc rồi thử lại.' };
  }
  if (error instanceof Error && MALFORMED_MULTIPART.test(error.message)) {
    return { type: 'about:blank', title: titleFor(400), status: 400, code: 'malformed_multipart', detail: 'Tệp gửi lên bị cắt cụt hoặc sai định dạng multipart/form-data. Hãy tải lên lại.' };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return { type: 'about:blank', title: titleFor(status), status, code: 'bad_request', detail: 'Yêu cầu không hợp lệ.' };
  }
  return { type: 'about:blank', title: titleFor(500), status: 500, code: 'internal_error', detail: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau; nếu lỗi còn tiếp diễn, hãy báo cho quản trị viên.' };
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Yêu cầu không hợp lệ',
    401: 'Chưa đăng nhập',
    403: 'Không có quyền',
    404: 'Không tìm thấy',
    409: 'Xung đột trạng thái',
    413: 'Dữ liệu quá lớn',
    415: 'Kiểu nội dung không được hỗ trợ',
    422: 'Dữ liệu không hợp lệ',
    429: 'Quá nhiều yêu cầu',
    503: 'Dịch vụ tạm thời không sẵn sàng',
  };
  return titles[status] ?? (status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ');
}

/** Page routes may render problems as HTML; set by the pages module. */
export type ProblemPageRenderer = (problem: Problem, request: FastifyRequest, reply: FastifyReply) => unknown;

declare module 'fastify' {
  interface FastifyInstance {
    renderProblemPage?: ProblemPageRenderer;
  }
}

function send(app: FastifyInstance, problem: Problem, request: FastifyRequest, reply: FastifyReply) {
  if (problem.status === 503) reply.header('retry-after', '5');
  if (request.routeOptions.config?.page && app.renderProblemPage) return app.renderProblemPage(problem, request, reply);
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const problem = problemFrom(mapDatabaseUnavailable(error));
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
      return send(app, problem, request, reply);
    });
    app.setNotFoundHandler((request, reply) =>
      send(app, { type: 'about:blank', title: titleFor(404), status: 404, code: 'not_found', detail: 'Không tìm thấy địa chỉ được yêu cầu.' }, request, reply),
    );
  },
  { name: 'errors' },
);

/** A lost database connection is a 503 the client can retry, not a 500. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003', '08004']);
/**
 * No pooled connection freed up in time, or the server cut a statement or an idle
 * transaction off at its timeout: the database is overloaded or something holds it.
 */
const BUSY = new Set(['POOL_EXHAUSTED', '57014', '25P03', '57P05']);

/** Drizzle wraps driver errors; the driver's code may sit a few causes down. */
function databaseCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE.has(code) || BUSY.has(code))) return code;
  }
  return undefined;
}

/** The database went away or refused a connection (the error may be wrapped). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = databaseCode(error);
  return code !== undefined && UNAVAILABLE.has(code);
}

function mapDatabaseUnavailable(error: unknown): unknown {
  const code = databaseCode(error);
  if (code && BUSY.has(code)) {
    return new AppError('database_busy', 503, 'Hệ thống đang quá tải, cơ sở dữ liệu chưa nhận thêm yêu cầu. Vui lòng thử lại sau ít giây.');
  }
  if (code) {
    return new AppError('database_unavailable', 503, 'Hệ thống đang tạm gián đoạn kết nối cơ sở dữ liệu. Vui lòng thử lại sau ít phút.');
  }
  return error;
}
