import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext } from '../../web/page-context.js';
import { campaignBodyParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { nationalScoresPages } from './national-scores.pages.js';
import type { ScoringService } from './scoring.service.js';

const statusLabels: Record<string, string> = {
  scored: 'Được tính',
  insufficient: 'Chưa đủ phiếu',
  voided: 'Đã hủy kết quả',
  below_minimum: 'Chưa đủ phiếu (dưới số phiếu hợp lệ tối thiểu)',
  no_answers: 'Chưa đủ phiếu (không có câu trả lời hợp lệ)',
};

export const scoringPages: RoutePlugin<{ scoring: ScoringService; campaigns: CampaignsService }> = async (app, { scoring, campaigns }) => {
  await app.register(nationalScoresPages, { scoring, campaigns });
  const r = typed(app);

  r.get('/c/:campaign/b/:body/scores', {
    config: { access: ['admin', 'body', 'scoring'], page: true },
    schema: { hide: true, params: campaignBodyParams },
    handler: async (request, reply) => {
      const { campaign: campaignId, body: bodyCode } = request.params;
      const viewer = principalOf(request).role === 'body' ? 'body' : 'staff';
      const [campaign, body, config] = await Promise.all([campaigns.get(campaignId), campaigns.getBody(campaignId, bodyCode), campaigns.config(campaignId)]);
      let scores = null;
      try {
        scores = await scoring.bodyScores(campaignId, bodyCode, viewer);
      } catch (error) {
        // Before publication the body's own page says so rather than pretending it does not exist.
        if (!(error instanceof AppError && error.status === 404 && viewer === 'body' && !campaign.publishedAt)) throw error;
      }
      const groupNames = new Map(config.groups.map((g) => [g.code, g.name]));
      return reply.page(
        'scores',
        await pageContext(request, reply, {
          campaign,
          body,
          scores,
          groupName: (code: string) => groupNames.get(code) ?? code,
          statusLabel: (status: string, reason?: string | null) => statusLabels[reason ?? status] ?? statusLabels[status] ?? status,
          dash: (value: string | null) => (value === null ? '—' : value.replace('.', ',')),
          points: (value: string | null) => (value === null ? 'chưa đủ phiếu hoặc ẩn' : value.replace('.', ',')),
        }),
      );
    },
  });
};
