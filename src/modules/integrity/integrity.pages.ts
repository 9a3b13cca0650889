import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { formatters } from '../../web/format.js';
import { pageContext } from '../../web/page-context.js';
import { campaignParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { decisionBody, flagParams, flagsQuery } from './integrity.schemas.js';
import type { IntegrityService } from './integrity.service.js';

export const ruleLabels: Record<string, string> = {
  shared_device: 'Nhiều phiếu từ một thiết bị',
  speeders: 'Trả lời quá nhanh',
  identical_sheets: 'Phiếu trả lời giống nhau',
  burst: 'Gửi dồn trong thời gian ngắn',
  forwarded_link: 'Đường dẫn mở từ nhiều thiết bị',
  suspicious_list: 'Danh sách bất thường',
  reports: 'Báo cáo bất thường của người trả lời',
};
const severityLabels: Record<string, string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };
const statusLabels: Record<string, string> = { open: 'Chờ xử lý', dismissed: 'Đã bỏ qua', confirmed: 'Đã xác nhận' };
const decisionLabels: Record<string, string> = { dismiss: 'Bỏ qua', void_responses: 'Hủy các phiếu trong bằng chứng', void_body: 'Hủy kết quả của cả đơn vị' };
const pageQuery = flagsQuery.pick({ status: true, body: true, rule: true, severity: true }).extend({ done: z.string().max(40).optional() });

/** MOHA's review page: flags by body and severity, their evidence, and the decision form. */
export const integrityPages: RoutePlugin<{ integrity: IntegrityService; campaigns: CampaignsService }> = async (app, { integrity, campaigns }) => {
  const r = typed(app);

  async function render(request: FastifyRequest, reply: FastifyReply, campaignId: string, query: z.infer<typeof pageQuery>, notice: { error?: string; status?: number } = {}) {
    const [campaign, list, bodies] = await Promise.all([
      campaigns.get(campaignId),
      integrity.listFlags(campaignId, { ...query, status: query.status ?? 'open', limit: 500, offset: 0 }),
      campaigns.listBodies(campaignId),
    ]);
    const names = new Map(bodies.map((b) => [b.code, b.name]));
    return reply.page(
      'flags',
      await pageContext(request, reply, {
        campaign,
        list,
        query: { ...query, status: query.status ?? 'open' },
        bodyName: (code: string) => names.get(code) ?? code,
        ruleLabels,
        severityLabels,
        statusLabels,
        decisionLabels,
        done: query.done === 'decided' ? 'Đã ghi nhận quyết định.' : undefined,
        error: notice.error,
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

  r.post('/admin/campaigns/:campaign/flags/:id/decision', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: flagParams, body: z.record(z.string(), z.string().max(4000)) },
    handler: async (request, reply) => {
      const { campaign, id } = request.params;
      try {
        const parsed = decisionBody.safeParse(request.body);
        if (!parsed.success) throw new AppError('validation_failed', 422, `Quyết định chưa hợp lệ: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
        await integrity.decide(campaign, id, parsed.data, principalOf(request).username);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        return render(request, reply, campaign, {}, { error: error.message, status: error.status });
      }
      return reply.redirect(`/admin/campaigns/${campaign}/flags?done=decided`, 303);
    },
  });
};
