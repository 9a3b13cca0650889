// MOHA's review page: flags by body and severity, each in sentences with all
// its evidence and the respondents' own words, the decision form, a
// confirmation step saying what a void or a reopening will do, and reopening.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { formatters } from '../../web/format.js';
import { pageContext } from '../../web/page-context.js';
import { campaignParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { consequence, evidenceRows, reportsOf, sentence, type Names } from './flag-text.js';
import { decisionBody, flagParams, flagsQuery, reopenBody } from './integrity.schemas.js';
import type { IntegrityService } from './integrity.service.js';

export const ruleLabels: Record<string, string> = {
  shared_device: 'Nhiều phiếu từ một trình duyệt',
  unloaded_submit: 'Phiếu gửi mà không mở trang phiếu',
  speeders: 'Trả lời quá nhanh',
  straight_lining: 'Cùng một phương án cho mọi câu',
  identical_sheets: 'Phiếu trả lời giống nhau',
  burst: 'Gửi dồn trong thời gian ngắn',
  forwarded_link: 'Đường dẫn mở từ nhiều thiết bị',
  suspicious_list: 'Danh sách bất thường',
  reports: 'Báo cáo bất thường của người trả lời',
};
const severityLabels: Record<string, string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };
const statusLabels: Record<string, string> = { open: 'Chờ xử lý', dismissed: 'Đã bỏ qua', confirmed: 'Đã xác nhận', all: 'Tất cả' };
const decisionLabels: Record<string, string> = { dismiss: 'Bỏ qua', void_responses: 'Hủy các phiếu trong bằng chứng', void_body: 'Hủy kết quả của cả đơn vị' };
const notices: Record<string, string> = { decided: 'Đã ghi nhận quyết định.', reopened: 'Đã mở lại cảnh báo và khôi phục các phiếu đã hủy theo quyết định trước.' };
const pageQuery = flagsQuery
  .pick({ body: true, rule: true, severity: true })
  .extend({ status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['open', 'dismissed', 'confirmed', 'all']).optional()), done: z.string().max(40).optional() });
type PageQuery = z.infer<typeof pageQuery>;
const formBody = z.record(z.string(), z.string().max(4000));

export const integrityPages: RoutePlugin<{ integrity: IntegrityService; campaigns: CampaignsService }> = async (app, { integrity, campaigns }) => {
  const r = typed(app);

  async function namesOf(campaignId: string): Promise<Names> {
    const [config, bodies] = await Promise.all([campaigns.config(campaignId), campaigns.listBodies(campaignId)]);
    const body = new Map(bodies.map((b) => [b.code, b.name]));
    const group = new Map(config.groups.map((g) => [g.code, g.name]));
    const form = new Map(config.groups.map((g) => [g.form, g.name]));
    return { body: (c) => body.get(c) ?? c, group: (c) => group.get(c) ?? c, form: (c) => form.get(c) ?? c };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, campaignId: string, query: PageQuery, notice: { error?: string; status?: number; confirm?: Record<string, unknown> } = {}) {
    const status = query.status ?? 'open';
    const [campaign, list, names, config] = await Promise.all([
      campaigns.get(campaignId),
      integrity.listFlags(campaignId, { body: query.body, rule: query.rule, severity: query.severity, status: status === 'all' ? undefined : status, limit: 500, offset: 0 }),
      namesOf(campaignId),
      campaigns.config(campaignId),
    ]);
    const forms = config.groups.map((g) => g.form);
    return reply.page(
      'flags',
      await pageContext(request, reply, {
        campaign,
        list,
        query: { ...query, status },
        bodyName: names.body,
        summaryOf: (f: { evidence: Record<string, unknown> }) => sentence(f.evidence.summary, names, forms),
        honestOf: (f: { evidence: Record<string, unknown> }) => sentence(f.evidence.honest, names, forms),
        rowsOf: (f: { evidence: Record<string, unknown> }) => evidenceRows(f.evidence, names),
        reportsOf: (f: { evidence: Record<string, unknown> }) => reportsOf(f.evidence),
        ruleLabels,
        severityLabels,
        statusLabels,
        decisionLabels,
        done: query.done ? notices[query.done] : undefined,
        error: notice.error,
        confirm: notice.confirm,
        ...formatters,
      }),
      notice.status ?? 200,
    );
  }

  r.get('/admin/campaigns/:campaign/flags', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: campaignParams, querystring: pageQuery },
    handler: async (request, reply) => render(request, reply, request.params.campaign, request.query),
  });

  /** A void or a reopening first shows what it will do; the confirmed form carries `confirm=1`. */
  async function confirmation(campaign: string, id: string, action: string, reason: string) {
    const flag = await integrity.getFlag(campaign, id);
    const names = await namesOf(campaign);
    const ids = Array.isArray(flag.evidence.responseIds) ? flag.evidence.responseIds.length : 0;
    return { id, action, reason, title: ruleLabels[flag.rule] ?? flag.rule, body: names.body(flag.bodyCode), what: consequence(action, names.body(flag.bodyCode), ids) };
  }

  async function act(request: FastifyRequest, reply: FastifyReply, campaign: string, id: string, action: 'decision' | 'reopen', body: Record<string, string>) {
    try {
      const parsed = action === 'decision' ? decisionBody.safeParse(body) : reopenBody.safeParse(body);
      if (!parsed.success) throw new AppError('validation_failed', 422, `Quyết định chưa hợp lệ: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
      const kind = action === 'decision' ? (parsed.data as z.infer<typeof decisionBody>).decision : 'reopen';
      if (kind !== 'dismiss' && body.confirm !== '1') return render(request, reply, campaign, {}, { confirm: await confirmation(campaign, id, kind, parsed.data.reason) });
      if (action === 'decision') await integrity.decide(campaign, id, parsed.data as z.infer<typeof decisionBody>, principalOf(request).username);
      else await integrity.reopen(campaign, id, parsed.data, principalOf(request).username);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      return render(request, reply, campaign, {}, { error: error.message, status: error.status });
    }
    return reply.redirect(`/admin/campaigns/${campaign}/flags?done=${action === 'decision' ? 'decided' : 'reopened'}`, 303);
  }

  r.post('/admin/campaigns/:campaign/flags/:id/decision', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: flagParams, body: formBody },
    handler: async (request, reply) => act(request, reply, request.params.campaign, request.params.id, 'decision', request.body),
  });

  r.post('/admin/campaigns/:campaign/flags/:id/reopen', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: flagParams, body: formBody },
    handler: async (request, reply) => act(request, reply, request.params.campaign, request.params.id, 'reopen', request.body),
  });
};
