// The respondent's pages, reached only through the link token: the form, the
// post that saves or submits it, and the "Báo cáo bất thường" page. Each link
// state has its own page and status: 404 for a link that matches nothing, 410
// once answered or closed, 429 while an address is refused for guessing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { typed, type RoutePlugin } from '../../http.js';
import { reportPost, savedQuery, surveyPost, tokenParams } from './survey.schemas.js';
import { createFormPages, type FormPages } from './form-page.js';
import type { Client, FormView, LinkState, SurveyService } from './survey.service.js';

const messages: Record<Exclude<LinkState, 'open'> | 'submitted' | 'reported' | 'already_reported', { status: number; heading: string; lines: string[]; report?: boolean }> = {
  invalid: {
    status: 404,
    heading: 'Đường dẫn không hợp lệ',
    lines: ['Đường dẫn này không dẫn tới phiếu khảo sát nào. Hãy mở lại đúng đường dẫn trong thư mời mới nhất; nếu vẫn không được, hãy liên hệ cán bộ đầu mối của đơn vị.'],
  },
  rate_limited: {
    status: 429,
    heading: 'Tạm thời không mở được phiếu',
    lines: ['Từ địa chỉ mạng này đã có quá nhiều đường dẫn không hợp lệ. Hãy đợi khoảng 15 phút rồi mở lại đúng đường dẫn trong thư mời.'],
  },
  answered: {
    status: 410,
    heading: 'Phiếu đã được trả lời',
    lines: ['Phiếu theo đường dẫn này đã được gửi. Mỗi người chỉ trả lời một lần; câu trả lời đã gửi không xem lại hay sửa được.'],
    report: true,
  },
  closed: {
    status: 410,
    heading: 'Đợt khảo sát đã kết thúc',
    lines: ['Đã hết hạn trả lời phiếu nên không thể trả lời hay lưu thêm. Cảm ơn Ông/Bà đã quan tâm.'],
  },
  submitted: {
    status: 200,
    heading: 'Cảm ơn Ông/Bà đã trả lời phiếu',
    lines: ['Phiếu đã được gửi thành công. Câu trả lời được lưu tách khỏi danh tính và chỉ được tổng hợp chung.'],
    report: true,
  },
  reported: { status: 200, heading: 'Đã nhận báo cáo', lines: ['Cảm ơn Ông/Bà. Bộ Nội vụ sẽ xem xét báo cáo cùng các dấu hiệu khác của đơn vị.'] },
  already_reported: { status: 200, heading: 'Đã nhận báo cáo', lines: ['Báo cáo theo đường dẫn này đã được ghi nhận trước đó.'] },
};

/** Forms past this size (grids of many units) go gzipped to clients that accept it, to stay light on a slow connection. */
const COMPRESS_ABOVE = 32 * 1024;

function form(request: FastifyRequest, reply: FastifyReply, pages: FormPages, data: { v: FormView; action: string; notice?: string | null }, status = 200) {
  const html = pages.render(data.v, data.action, data.notice ?? null);
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding');
  if (html.length > COMPRESS_ABOVE && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(gzipSync(html, { level: 6 }));
  }
  return reply.send(html);
}

/** The browser's own random id, set once per browser (not per link) so integrity checks can tell devices apart. */
const DEVICE_COOKIE = 'thiet_bi';
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const clientOf = (request: FastifyRequest): Client => {
  const device = request.cookies?.[DEVICE_COOKIE];
  return { ip: request.ip, userAgent: request.headers['user-agent'], device: device && DEVICE_PATTERN.test(device) ? device : undefined };
};

function ensureDevice(request: FastifyRequest, reply: FastifyReply) {
  if (clientOf(request).device) return;
  reply.setCookie(DEVICE_COOKIE, randomBytes(18).toString('base64url'), { path: '/s', httpOnly: true, sameSite: 'lax', maxAge: 400 * 86_400, secure: request.protocol === 'https' });
}

function message(reply: FastifyReply, state: keyof typeof messages, url: string) {
  const m = messages[state];
  return reply.page('survey-message', { heading: m.heading, lines: m.lines, tone: m.status >= 400 ? 'bad' : 'ok', reportUrl: m.report ? `${url}/report` : null }, m.status);
}

export const surveyRoutes: RoutePlugin<{ survey: SurveyService }> = async (app, { survey }) => {
  const r = typed(app);
  const pages = createFormPages(app.views);
  const page = { access: 'respondent' as const, page: true };
  const base = (token: string) => `/s/${encodeURIComponent(token)}`;

  r.get('/s/:token', {
    config: page,
    schema: { hide: true, params: tokenParams, querystring: savedQuery },
    handler: async (request, reply) => {
      const url = base(request.params.token);
      const result = await survey.open(request.params.token, clientOf(request));
      if (result.state !== 'open') return message(reply, result.state, url);
      ensureDevice(request, reply);
      return form(request, reply, pages, { v: result.view, action: url, notice: request.query.luu ? 'Đã lưu câu trả lời. Ông/Bà có thể mở lại đường dẫn này để trả lời tiếp.' : null });
    },
  });

  r.post('/s/:token', {
    config: page,
    schema: { hide: true, params: tokenParams, body: surveyPost },
    handler: async (request, reply) => {
      const { token } = request.params;
      const url = base(token);
      const { action, js, campaign, body, group, active, submission, stamp, spent, ...fields } = request.body;
      const client = clientOf(request);
      const activeSeconds = js === '1' ? (active ?? 0) : null;
      if (action === 'submit') {
        const result = await survey.submit(token, client, fields, {
          jsEnabled: js === '1',
          activeSeconds,
          key: submission,
          stamp,
          context: { campaign, body, group },
          spent: js === '1' ? (spent ?? null) : null,
        });
        if (result.state === 'incomplete') return form(request, reply, pages, { v: result.view, action: url }, 422);
        return message(reply, result.state, url);
      }
      const result = await survey.save(token, client, fields, activeSeconds);
      if (action === 'autosave') {
        const status = result.state === 'saved' ? 200 : messages[result.state].status;
        return reply.code(status).header('cache-control', 'no-store').send({ state: result.state, ...(result.state === 'saved' ? { answered: result.view.answered, total: result.view.total } : {}) });
      }
      if (result.state !== 'saved') return message(reply, result.state, url);
      if (result.issues > 0) return form(request, reply, pages, { v: result.view, action: url }, 422);
      return reply.redirect(`${url}?luu=1`, 303);
    },
  });

  r.get('/s/:token/report', {
    config: page,
    schema: { hide: true, params: tokenParams },
    handler: async (request, reply) => {
      const url = base(request.params.token);
      const { state, reported } = await survey.peek(request.params.token, clientOf(request));
      if (state === 'invalid' || state === 'rate_limited') return message(reply, state, url);
      if (reported) return message(reply, 'already_reported', url);
      return reply.page('survey-report', { action: `${url}/report`, back: url });
    },
  });

  r.post('/s/:token/report', {
    config: page,
    schema: { hide: true, params: tokenParams, body: reportPost },
    handler: async (request, reply) => {
      const url = base(request.params.token);
      const result = await survey.report(request.params.token, clientOf(request), request.body);
      return message(reply, result.state, url);
    },
  });
};
