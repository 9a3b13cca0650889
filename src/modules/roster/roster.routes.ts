import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { XLSX_TYPE } from '../../csv/xlsx.js';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { campaignBodyParams, campaignParams } from '../campaigns/campaigns.schemas.js';
import { duplicatesSchema, importFields, importReportSchema, isDryRun, personBody, respondentParams, respondentSchema, rosterSchema, submitResult } from './roster.schemas.js';
import type { RosterService } from './roster.service.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { reopenList } from '../progress/reopen-list.js';

/** Accepts one file per request, attached to the body as a Buffer with its name kept. */
export async function registerUploads(app: Parameters<RoutePlugin>[0], maxBytes: number) {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: maxBytes, files: 1, fields: 10 },
    async onFile(part) {
      uploadNames.set(this, part.filename);
      await part.toBuffer();
    },
  });
}

export const uploadNames = new WeakMap<object, string>();

export function uploadedFile(request: object, body: { file?: unknown }): { bytes: Buffer; fileName: string | undefined } {
  if (!Buffer.isBuffer(body.file)) throw new AppError('file_missing', 422, 'Chưa chọn tệp danh sách để tải lên.');
  return { bytes: body.file, fileName: uploadNames.get(request) };
}

export const rosterRoutes: RoutePlugin<{ roster: RosterService; campaigns: CampaignsService; now: () => Promise<Date>; maxUploadBytes: number }> = async (
  app,
  { roster, campaigns, now, maxUploadBytes },
) => {
  await registerUploads(app, maxUploadBytes);
  const r = typed(app);
  const tags = ['roster'];
  const scope = (p: { campaign: string; body: string }) => ({ campaignId: p.campaign, bodyCode: p.body });
  const actor = (request: Parameters<typeof principalOf>[0]) => principalOf(request).username;

  r.post('/api/v1/campaigns/:campaign/bodies/:body/imports', {
    config: { access: ['admin', 'body'] },
    schema: {
      tags,
      summary: "Import a group's list from CSV or Excel .xlsx (multipart: file, sheet, group, dryRun); 422 with the line-by-line report when it has errors",
      consumes: ['multipart/form-data'],
      params: campaignBodyParams,
      body: importFields,
      response: { 200: importReportSchema },
    },
    handler: async (request) => {
      const { bytes, fileName } = uploadedFile(request, request.body);
      const report = await roster.importCsv({ ...scope(request.params), group: request.body.group || undefined, sheet: request.body.sheet || undefined, bytes, dryRun: isDryRun(request.body.dryRun), actor: actor(request), fileName });
      if (report.errors.length > 0) {
        throw new AppError('import_failed', 422, `Tệp có ${report.errors.length} lỗi nên chưa lưu gì. Hãy sửa theo từng dòng dưới đây rồi tải lại.`, report);
      }
      return report;
    },
  });

  r.get('/api/v1/campaigns/:campaign/bodies/:body/roster', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: "The body's list by group, with merges and warnings", params: campaignBodyParams, response: { 200: rosterSchema } },
    handler: async (request) => roster.list(scope(request.params)),
  });

  r.post('/api/v1/campaigns/:campaign/bodies/:body/roster', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Add a person to the draft list', params: campaignBodyParams, body: personBody, response: { 201: respondentSchema } },
    handler: async (request, reply) => reply.code(201).send(await roster.addRespondent({ ...scope(request.params), actor: actor(request), input: request.body })),
  });

  r.put('/api/v1/campaigns/:campaign/bodies/:body/roster/:id', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Correct a person on the draft list', params: respondentParams, body: personBody, response: { 200: respondentSchema } },
    handler: async (request) => roster.updateRespondent({ ...scope(request.params), actor: actor(request), id: request.params.id, input: request.body }),
  });

  r.delete('/api/v1/campaigns/:campaign/bodies/:body/roster/:id', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Remove a person (and their duplicate entries) from the draft list', params: respondentParams },
    handler: async (request, reply) => {
      await roster.removeRespondent({ ...scope(request.params), actor: actor(request), id: request.params.id });
      return reply.code(204).send();
    },
  });

  r.get('/api/v1/campaigns/:campaign/bodies/:body/roster.csv', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: "The body's list as CSV (UTF-8 with BOM, formula-safe)", params: campaignBodyParams },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="danh-sach-${request.params.campaign}-${request.params.body}.csv"`)
        .send(await roster.exportCsv(scope(request.params))),
  });

  r.post('/api/v1/campaigns/:campaign/bodies/:body/submit', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Submit the list: it locks and invitations are queued', params: campaignBodyParams, response: { 200: submitResult } },
    handler: async (request) => roster.submit({ ...scope(request.params), actor: actor(request) }),
  });

  r.post('/api/v1/campaigns/:campaign/bodies/:body/reopen', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: "Reopen a body's submitted list (MOHA); after the body's list deadline a new listDeadline is required, checked against the campaign's timeline",
      params: campaignBodyParams,
      body: z.object({ listDeadline: z.string().max(64).optional() }).nullish(),
      response: { 200: z.object({ listState: z.literal('draft'), listDeadline: z.string() }) },
    },
    handler: async (request) => {
      const listDeadline = await reopenList(
        { campaigns, lists: roster },
        { ...scope(request.params), listDeadline: request.body?.listDeadline ?? '', actor: actor(request), now: await now() },
      );
      return { listState: 'draft' as const, listDeadline };
    },
  });

  r.get('/api/v1/campaigns/:campaign/template.csv', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'The list template (UTF-8 with BOM, Vietnamese headers)', params: campaignParams },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mau-danh-sach.csv"')
        .send(await roster.templateCsv(request.params.campaign)),
  });

  r.get('/api/v1/campaigns/:campaign/template.xlsx', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: "The list template as an Excel workbook, with a dropdown of the campaign's groups", params: campaignParams },
    handler: async (request, reply) =>
      reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="mau-danh-sach.xlsx"').send(await roster.templateXlsx(request.params.campaign)),
  });

  r.get('/api/v1/campaigns/:campaign/duplicates', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'People listed by more than one body (allowed; for MOHA to see)', params: campaignParams, response: { 200: duplicatesSchema } },
    handler: async (request) => roster.crossBodyDuplicates(request.params.campaign),
  });
};
