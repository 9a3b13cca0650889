import { XLSX_TYPE } from '../../csv/xlsx.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { campaignBodyParams, campaignParams } from '../campaigns/campaigns.schemas.js';
import { progressQuery, progressReport, respondentList, respondentsQuery } from './progress.schemas.js';
import type { ProgressService } from './progress.service.js';

export const progressRoutes: RoutePlugin<{ progress: ProgressService }> = async (app, { progress }) => {
  const r = typed(app);
  const tags = ['progress'];

  r.get('/api/v1/campaigns/:campaign/progress', {
    config: { access: ['admin', 'body'] },
    schema: {
      tags,
      summary: 'Progress per body and group, totals and completions per day (an officer sees only their body)',
      params: campaignParams,
      querystring: progressQuery,
      response: { 200: progressReport },
    },
    handler: async (request) =>
      progress.report(request.params.campaign, request.scope.bodyCode, request.query, principalOf(request).role === 'body'),
  });

  r.get('/api/v1/campaigns/:campaign/progress.csv', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'The progress table as CSV for Excel', params: campaignParams, querystring: progressQuery },
    handler: async (request, reply) => {
      const csv = await progress.csv(request.params.campaign, request.scope.bodyCode, request.query, principalOf(request).role === 'body');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tien-do-${request.params.campaign}.csv"`)
        .send(csv);
    },
  });

  r.get('/api/v1/campaigns/:campaign/progress.xlsx', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'The progress table as an Excel workbook', params: campaignParams, querystring: progressQuery },
    handler: async (request, reply) => {
      const xlsx = await progress.xlsx(request.params.campaign, request.scope.bodyCode, request.query, principalOf(request).role === 'body');
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="tien-do-${request.params.campaign}.xlsx"`).send(xlsx);
    },
  });

  r.get('/api/v1/campaigns/:campaign/bodies/:body/respondents', {
    config: { access: ['admin', 'body'] },
    schema: {
      tags,
      summary: "Who on the body's list has answered, for urging (never what they answered)",
      params: campaignBodyParams,
      querystring: respondentsQuery,
      response: { 200: respondentList },
    },
    handler: async (request) => progress.respondents(request.params.campaign, request.params.body, request.query),
  });
};
