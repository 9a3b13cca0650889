import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { barChart, lineChart } from '../../web/charts.js';
import { formatters, statusLabels } from '../../web/format.js';
import { pageContext } from '../../web/page-context.js';
import { campaignBodyParams, campaignParams, itContactBody } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { timeLeft } from '../campaigns/deadlines.js';
import { bounceText } from '../mail/bounce-reasons.js';
import { progressQuery } from './progress.schemas.js';
import { reopenList, type ListReopener } from './reopen-list.js';
import type { ProgressService } from './progress.service.js';

/**
 * Reopening a submitted list belongs to the roster capability; the national
 * and body pages only call it. Wire it in app.ts as `lists: services.roster`.
 */
export type { ListReopener };

/** Extra sections other capabilities add to the body page (urging, list actions). */
export type BodyPageSection = (ctx: { campaignId: string; bodyCode: string; csrfToken: string; admin: boolean }) => Promise<{ actionsHtml?: string; mohaActionsHtml?: string }>;

const doneMessages: Record<string, string> = {
  contact: 'Đã lưu thông tin cán bộ kỹ thuật.',
  deadline: 'Đã lưu thời hạn gửi danh sách của đơn vị.',
  reopened: 'Đã mở lại danh sách để đơn vị chỉnh sửa và gửi lại.',
  urge: 'Đã xếp hàng thư đôn đốc gửi đến những người chưa trả lời.',
  email: 'Đã sửa địa chỉ; thư mời mới đang được gửi đến địa chỉ mới, đường liên kết cũ không còn dùng được.',
};

export const progressPages: RoutePlugin<{ progress: ProgressService; campaigns: CampaignsService; sections?: BodyPageSection[]; lists?: ListReopener }> = async (
  app,
  { progress, campaigns, sections = [], lists },
) => {
  const r = typed(app);
  const columns = [
    { key: 'bodyCode', label: 'Mã' },
    { key: 'bodyName', label: 'Đơn vị' },
    { key: null, label: 'Danh sách' },
    { key: 'invited', label: 'Đã mời', num: true },
    { key: 'completed', label: 'Đã trả lời', num: true },
    { key: 'completionRate', label: 'Tỷ lệ', num: true },
    { key: 'bounced', label: 'Trả lại', num: true },
    { key: 'openFlags', label: 'Cảnh báo', num: true },
    { key: 'lastActivityAt', label: 'Hoạt động gần nhất' },
  ];

  r.get('/c/:campaign/national', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: campaignParams, querystring: progressQuery.omit({ body: true }) },
    handler: async (request, reply) => {
      const { campaign } = request.params;
      const [summary, report, bodies] = await Promise.all([campaigns.get(campaign), progress.report(campaign, null, request.query, false), campaigns.listBodies(campaign)]);
      const deadlines = new Map(bodies.map((b) => [b.code, reopenView(b, report.generatedAt)]));
      const totals = report.totals;
      return reply.page(
        'national',
        await pageContext(request, reply, {
          campaign: summary,
          report,
          query: request.query,
          columns,
          generatedAt: formatters.when(report.generatedAt),
          timeLeft: timeLeft(report.generatedAt, summary.responseDeadline.at),
          canReopen: lists !== undefined,
          reopenOf: (code: string) => deadlines.get(code),
          filterQs: new URLSearchParams(Object.entries({ q: request.query.q ?? '', listState: request.query.listState ?? '' }).filter(([, v]) => v !== '')).toString(),
          openFlags: report.bodies.reduce((n, b) => n + (('openFlags' in b ? b.openFlags : 0) as number), 0),
          groupChart: barChart('Tỷ lệ trả lời theo nhóm', report.groups.map((g) => ({ label: g.groupName, value: g.completed, total: g.invited }))),
          seriesChart: lineChart('Số phiếu đã trả lời theo thời gian', report.series.map((p) => ({ day: p.day, value: p.cumulative })), totals.invited),
          ...formatters,
        }),
      );
    },
  });

  const reopenView = (b: { code: string; name: string; listDeadline: { at: Date; text: string } }, now: Date) => ({
    bodyCode: b.code,
    bodyName: b.name,
    deadlineText: b.listDeadline.text,
    deadlinePassed: b.listDeadline.at.getTime() <= now.getTime(),
  });

  async function renderBody(request: FastifyRequest, reply: FastifyReply, campaignId: string, bodyCode: string, notice: { done?: string; error?: string; status?: number; typed?: Record<string, string> } = {}) {
    const admin = principalOf(request).role === 'admin';
    const [summary, body, report, waiting, bounced, config, voidedResponses] = await Promise.all([
      campaigns.get(campaignId),
      campaigns.getBody(campaignId, bodyCode),
      progress.report(campaignId, bodyCode, progressQuery.parse({}), !admin),
      progress.respondents(campaignId, bodyCode, { status: 'not_completed', limit: 200, offset: 0 }, true),
      progress.respondents(campaignId, bodyCode, { status: 'bounced', limit: 500, offset: 0 }, true),
      campaigns.config(campaignId),
      progress.voidedResponses(campaignId, bodyCode),
    ]);
    const mine = report.bodies[0]!;
    const context = await pageContext(request, reply);
    const extra = Object.assign({}, ...(await Promise.all(sections.map((s) => s({ campaignId, bodyCode, csrfToken: context.csrfToken, admin })))));
    const groupNames = new Map(config.groups.map((g) => [g.code, g.name]));
    return reply.page(
      'body',
      {
        ...context,
        ...extra,
        campaign: summary,
        body,
        progress: mine,
        waiting,
        bounced,
        done: notice.done === doneMessages.reopened ? `${notice.done} Hạn gửi danh sách của đơn vị: ${body.listDeadline.text}.` : notice.done,
        error: notice.error,
        typed: notice.typed ?? {},
        bodyName: body.name,
        canReopen: admin && lists !== undefined,
        reopen: reopenView(body, report.generatedAt),
        timeLeft: timeLeft(report.generatedAt, summary.responseDeadline.at),
        listTimeLeft: timeLeft(report.generatedAt, body.listDeadline.at),
        groupChart: barChart('Tỷ lệ trả lời theo nhóm', mine.groups.map((g) => ({ label: g.groupName, value: g.completed, total: g.invited }))),
        seriesChart: lineChart('Số phiếu đã trả lời theo thời gian', report.series.map((p) => ({ day: p.day, value: p.cumulative })), mine.invited),
        groupName: (code: string) => groupNames.get(code) ?? code,
        voidedResponses,
        bounceText,
        statusLabel: (status: string) => statusLabels[status] ?? status,
        ...formatters,
      },
      notice.status ?? 200,
    );
  }

  r.get('/c/:campaign/b/:body', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, querystring: z.object({ done: z.string().max(40).optional() }) },
    handler: async (request, reply) =>
      renderBody(request, reply, request.params.campaign, request.params.body, { done: doneMessages[request.query.done ?? ''] }),
  });

  /** Runs a form action; a mistake the person can fix re-renders the page with the message. */
  async function act(request: FastifyRequest, reply: FastifyReply, params: { campaign: string; body: string }, action: () => Promise<unknown>, done: string) {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const typed = (request.body ?? {}) as Record<string, string>;
      return renderBody(request, reply, params.campaign, params.body, { error: error.message, status: error.status, typed });
    }
    return reply.redirect(`/c/${params.campaign}/b/${params.body}?done=${done}`, 303);
  }

  r.post('/c/:campaign/b/:body/it-contact', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, body: z.record(z.string(), z.string().max(400)) },
    handler: async (request, reply) =>
      act(request, reply, request.params, async () => {
        const parsed = itContactBody.safeParse(request.body);
        if (!parsed.success) throw new AppError('validation_failed', 422, `Thông tin cán bộ kỹ thuật chưa đủ: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
        await campaigns.setItContact(request.params.campaign, request.params.body, parsed.data, principalOf(request).username);
      }, 'contact'),
  });

  r.post('/c/:campaign/b/:body/list-deadline', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: campaignBodyParams, body: z.object({ listDeadline: z.string().max(64).default('') }) },
    handler: async (request, reply) =>
      act(request, reply, request.params, async () => {
        const deadline = request.body.listDeadline.trim();
        await campaigns.setBodyListDeadline(request.params.campaign, request.params.body, deadline === '' ? null : deadline, principalOf(request).username);
      }, 'deadline'),
  });

  r.post('/c/:campaign/b/:body/reopen-list', {
    config: { access: ['admin'], page: true },
    schema: {
      hide: true,
      params: campaignBodyParams,
      body: z.object({ _csrf: z.string().optional(), listDeadline: z.string().max(64).default(''), back: z.enum(['body', 'lists']).default('body') }),
    },
    handler: async (request, reply) => {
      if (!lists) throw new AppError('not_available', 404, 'Chức năng mở lại danh sách chưa được cài đặt.');
      const { campaign, body } = request.params;
      const reopen = async () =>
        reopenList({ campaigns, lists }, { campaignId: campaign, bodyCode: body, listDeadline: request.body.listDeadline, actor: principalOf(request).username, now: await progress.now() });
      if (request.body.back === 'body') return act(request, reply, request.params, reopen, 'reopened');
      try {
        await reopen();
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        return renderBody(request, reply, campaign, body, { error: error.message, status: error.status, typed: request.body as Record<string, string> });
      }
      return reply.redirect(`/c/${campaign}/b/${body}/lists?done=reopened`, 303);
    },
  });
};
