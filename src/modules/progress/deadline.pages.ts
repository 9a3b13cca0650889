// MOHA's page for the campaign's own deadlines: extend the response deadline
// (or move the list deadline) for every body at once. The service checks the
// dates against the campaign's timeline; a refusal comes back on this page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext } from '../../web/page-context.js';
import { campaignParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { timeLeft } from '../campaigns/deadlines.js';
import type { ProgressService } from './progress.service.js';

const form = z.object({ _csrf: z.string().optional(), listDeadline: z.string().max(64).default(''), responseDeadline: z.string().max(64).default('') });

export const deadlinePages: RoutePlugin<{ campaigns: CampaignsService; progress: ProgressService }> = async (app, { campaigns, progress }) => {
  const r = typed(app);

  async function render(request: FastifyRequest, reply: FastifyReply, campaignId: string, notice: { done?: string; error?: string; status?: number; typed?: Record<string, string> } = {}) {
    const [campaign, bodies, now] = await Promise.all([campaigns.get(campaignId), campaigns.listBodies(campaignId), progress.now()]);
    return reply.page(
      'deadlines',
      await pageContext(request, reply, {
        campaign,
        extended: bodies.filter((b) => b.listDeadlineExtended),
        listLeft: timeLeft(now, campaign.listDeadline.at),
        responseLeft: timeLeft(now, campaign.responseDeadline.at),
        typed: notice.typed ?? {},
        done: notice.done,
        error: notice.error,
      }),
      notice.status ?? 200,
    );
  }

  r.get('/c/:campaign/deadlines', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: campaignParams, querystring: z.object({ done: z.string().max(10).optional() }) },
    handler: async (request, reply) => render(request, reply, request.params.campaign, request.query.done ? { done: 'Đã lưu thời hạn của đợt khảo sát.' } : {}),
  });

  r.post('/c/:campaign/deadlines', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: campaignParams, body: form },
    handler: async (request, reply) => {
      const { campaign } = request.params;
      const listDeadline = request.body.listDeadline.trim();
      const responseDeadline = request.body.responseDeadline.trim();
      if (!listDeadline && !responseDeadline) return render(request, reply, campaign, { error: 'Nhập hạn trả lời phiếu mới hoặc hạn gửi danh sách mới.', status: 422 });
      try {
        await campaigns.setDeadlines(campaign, { ...(listDeadline ? { listDeadline } : {}), ...(responseDeadline ? { responseDeadline } : {}) }, principalOf(request).username);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        return render(request, reply, campaign, { error: error.message, status: error.status, typed: { listDeadline, responseDeadline } });
      }
      return reply.redirect(`/c/${campaign}/deadlines?done=1`, 303);
    },
  });
};
