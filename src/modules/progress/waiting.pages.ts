// Everyone of a body who has not answered, to follow up by phone or mail: a
// paged page with filters, and the whole list as CSV (for Excel set to
// Vietnamese) or as an Excel workbook. Who answered what is never shown.
import { z } from 'zod';
import { toCsv } from '../../csv/write.js';
import { toXlsx, XLSX_TYPE } from '../../csv/xlsx.js';
import { typed, type RoutePlugin } from '../../http.js';
import { formatters, statusLabels } from '../../web/format.js';
import { pageContext } from '../../web/page-context.js';
import { campaignBodyParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { respondentsQuery } from './progress.schemas.js';
import type { ProgressService } from './progress.service.js';

const PAGE_SIZE = 100;
const header = ['Họ và tên', 'Nhóm', 'Cơ quan/đơn vị', 'Chức vụ', 'Email', 'Điện thoại', 'Trạng thái'];
const waitingQuery = respondentsQuery.pick({ group: true, q: true }).extend({
  page: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(100_000).default(1)),
});

export const waitingPages: RoutePlugin<{ progress: ProgressService; campaigns: CampaignsService }> = async (app, { progress, campaigns }) => {
  const r = typed(app);
  const filterOf = (query: z.infer<typeof waitingQuery>) => ({ status: 'not_completed' as const, group: query.group, q: query.q });

  async function rows({ campaign, body }: { campaign: string; body: string }, query: z.infer<typeof waitingQuery>) {
    const config = await campaigns.config(campaign);
    const groupName = new Map(config.groups.map((g) => [g.code, g.name]));
    const out: string[][] = [];
    for await (const p of progress.allRespondents(campaign, body, filterOf(query))) {
      out.push([p.fullName, groupName.get(p.groupCode) ?? p.groupCode, p.organisation ?? '', p.position ?? '', p.email, p.phone ?? '', statusLabels[p.status] ?? p.status]);
    }
    return out;
  }

  r.get('/c/:campaign/b/:body/waiting', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, querystring: waitingQuery },
    handler: async (request, reply) => {
      const { campaign, body } = request.params;
      const query = request.query;
      const [summary, bodyView, config] = await Promise.all([campaigns.get(campaign), campaigns.getBody(campaign, body), campaigns.config(campaign)]);
      const list = await progress.respondents(campaign, body, { ...filterOf(query), limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }, true);
      const filterQs = new URLSearchParams(Object.entries({ group: query.group ?? '', q: query.q ?? '' }).filter(([, v]) => v !== '')).toString();
      const groupNames = new Map(config.groups.map((g) => [g.code, g.name]));
      return reply.page(
        'waiting',
        await pageContext(request, reply, {
          campaign: summary,
          body: bodyView,
          bodyName: bodyView.name,
          list,
          query,
          groups: config.groups.map((g) => ({ code: g.code, name: g.name })),
          pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
          first: list.total === 0 ? 0 : (query.page - 1) * PAGE_SIZE + 1,
          last: (query.page - 1) * PAGE_SIZE + list.rows.length,
          filterQs,
          pageUrl: (n: number) => `?${new URLSearchParams([...new URLSearchParams(filterQs), ['page', String(n)]]).toString()}`,
          groupName: (code: string) => groupNames.get(code) ?? code,
          statusLabel: (status: string) => statusLabels[status] ?? status,
          ...formatters,
        }),
      );
    },
  });

  r.get('/c/:campaign/b/:body/waiting.csv', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, querystring: waitingQuery },
    handler: async (request, reply) => {
      const csv = toCsv(header, await rows(request.params, request.query), { bom: true, delimiter: ';' });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="chua-tra-loi-${request.params.body}.csv"`)
        .send(csv);
    },
  });

  r.get('/c/:campaign/b/:body/waiting.xlsx', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, querystring: waitingQuery },
    handler: async (request, reply) => {
      const xlsx = await toXlsx([{ name: 'Chưa trả lời', header, rows: await rows(request.params, request.query) }]);
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="chua-tra-loi-${request.params.body}.xlsx"`).send(xlsx);
    },
  });
};
