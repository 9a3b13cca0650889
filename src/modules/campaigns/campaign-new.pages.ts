// MOHA's page to open a campaign: from a shipped preset (whose notice says
// what in it is only illustrative) or from an uploaded campaign file (.json)
// or questionnaire spreadsheet (.xlsx). A mistake re-shows the form as typed,
// with the sheet and row to fix. Presets can be downloaded as spreadsheets.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { XLSX_TYPE } from '../../csv/xlsx.js';
import { AppError, invalid } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { loadPreset, presetIds } from '../../presets/index.js';
import { pageContext } from '../../web/page-context.js';
import { registerUploads, uploadedFile } from '../roster/roster.routes.js';
import { readCampaignFile } from './campaign-file.js';
import { createCampaignBody } from './campaigns.schemas.js';
import type { CampaignsService } from './campaigns.service.js';
import { workbookToCampaignFile } from './sheet-read.js';
import { campaignFileToWorkbook } from './sheet-write.js';

const MAX_CAMPAIGN_FILE_BYTES = 10 * 1024 * 1024;

const newForm = z.object({
  file: z.any().optional(),
  source: z.string().max(64).optional(),
  id: z.string().max(64).optional(),
  name: z.string().max(300).optional(),
  listDeadline: z.string().max(64).optional(),
  responseDeadline: z.string().max(64).optional(),
  bodies: z.string().max(4000).optional(),
  _csrf: z.string().optional(),
});
type NewForm = z.infer<typeof newForm>;

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

async function fileFrom(request: FastifyRequest, body: NewForm) {
  const { bytes, fileName } = uploadedFile(request, body);
  const name = fileName ?? 'tệp tải lên';
  // An .xlsx is a zip: it starts with "PK".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return workbookToCampaignFile(bytes, name);
  return readCampaignFile(bytes.toString('utf8'), name);
}

export const campaignNewPages: RoutePlugin<{ campaigns: CampaignsService }> = async (app, { campaigns }) => {
  await registerUploads(app, MAX_CAMPAIGN_FILE_BYTES);
  const r = typed(app);

  const render = async (request: FastifyRequest, reply: FastifyReply, form: Partial<NewForm> = {}, error?: string, status = 200) =>
    reply.page('campaign-new', await pageContext(request, reply, { presets: presetIds().map(loadPreset), form, error }), status);

  r.get('/admin/campaigns/new', {
    config: { access: ['admin'], page: true },
    schema: { hide: true },
    handler: async (request, reply) => render(request, reply),
  });

  r.get('/admin/presets/:preset.xlsx', {
    config: { access: ['admin'] },
    schema: { hide: true, params: z.object({ preset: z.string().max(64) }) },
    handler: async (request, reply) => {
      const preset = loadPreset(request.params.preset);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${preset.id}.xlsx"`)
        .send(await campaignFileToWorkbook(preset));
    },
  });

  r.post('/admin/campaigns', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, consumes: ['multipart/form-data', 'application/x-www-form-urlencoded'], body: newForm },
    handler: async (request, reply) => {
      const body = request.body;
      const { file: _file, ...typed } = body;
      try {
        const fromFile = body.source === 'file';
        if (!body.source) throw invalid('Hãy chọn một mẫu có sẵn hoặc "Tải lên tệp đợt khảo sát".');
        const file = fromFile ? await fileFrom(request, body) : undefined;
        const parsed = createCampaignBody.safeParse({
          preset: fromFile ? undefined : body.source,
          id: blank(body.id),
          name: blank(body.name),
          listDeadline: blank(body.listDeadline),
          responseDeadline: blank(body.responseDeadline),
          bodies: blank(body.bodies)?.split(/[,;\s]+/).filter(Boolean),
        });
        if (!parsed.success) {
          const fields: Record<string, string> = { id: 'Mã đợt', name: 'Tên đợt', listDeadline: 'Hạn gửi danh sách', responseDeadline: 'Hạn trả lời phiếu', bodies: 'Đơn vị' };
          throw invalid(`Chưa đúng: ${parsed.error.issues.map((i) => `${fields[String(i.path[0])] ?? String(i.path[0])} (${i.message})`).join('; ')}.`);
        }
        const created = await campaigns.create(parsed.data, principalOf(request).username, file);
        return reply.redirect(`/c/${created.id}/national`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return render(request, reply, typed, error.message, error.status === 404 ? 422 : error.status);
      }
    },
  });
};
