// MOHA's national scores page: the table of every unit with its status and
// version ("tạm tính" until published), its CSV and Excel downloads, and the
// seal, publish and unseal actions, each behind a page that says what it will
// do and asks once.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toCsv } from '../../csv/write.js';
import { toXlsx, XLSX_TYPE } from '../../csv/xlsx.js';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext } from '../../web/page-context.js';
import { campaignParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { basisOf, nationalRows, SORT_KEYS, TABLE_HEADER, tableRows, UNIT_STATUS_LABELS } from './national-table.js';
import type { ScoringService } from './scoring.service.js';

const tableQuery = z.object({
  sort: z.enum(SORT_KEYS).catch('unitCode'),
  order: z.enum(['asc', 'desc']).catch('asc'),
  done: z.string().max(40).optional(),
});

const actions = ['seal', 'publish', 'unseal'] as const;
const actionParams = campaignParams.extend({ action: z.enum(actions) });
const actionForm = z.object({ confirm: z.string().max(10).optional(), reason: z.string().max(1000).optional(), _csrf: z.string().optional() });

const PART_LABELS: Record<string, string> = {
  groups: 'nhóm đối tượng',
  bodies: 'danh sách đơn vị',
  forms: 'câu hỏi',
  pointTable: 'bảng điểm',
  optionWeights: 'trọng số phương án',
  groupWeights: 'trọng số nhóm',
  thresholds: 'ngưỡng số phiếu',
};

const doneMessages: Record<string, string> = {
  seal: 'Đã niêm phong điểm. Mọi trang và tệp xuất của đợt nay đọc bản niêm phong này.',
  publish: 'Đã công bố: mỗi đơn vị xem được điểm của mình.',
  unseal: 'Đã mở niêm phong. Thực hiện thay đổi đã quyết định rồi niêm phong lại để tạo phiên bản mới.',
};

/** What each action does, said before it is done. */
function explain(action: (typeof actions)[number], version: number | null, published: boolean) {
  if (action === 'seal') {
    return `Lưu điểm tính từ dữ liệu hiện tại thành phiên bản ${(version ?? 0) + 1} kèm mã SHA-256 của dữ liệu. Sau đó mọi trang và tệp xuất đọc bản này; hủy phiếu, khôi phục phiếu hay đổi hạn trả lời đều bị từ chối cho đến khi mở niêm phong.${published ? ' Vì kết quả đã công bố, đơn vị nào có điểm thay đổi sẽ thấy thông báo "điểm đã được tính lại" với điểm cũ và điểm mới.' : ''}`;
  }
  if (action === 'publish') return `Công bố phiên bản ${version}: mỗi đơn vị đăng nhập sẽ xem được điểm của mình (không hiện số liệu tính từ quá ít phiếu). Không thể rút lại việc công bố.`;
  return `Kết thúc phiên bản ${version} để thực hiện một thay đổi đã quyết định (ví dụ hủy phiếu có can thiệp). Lý do được ghi vào nhật ký. Trong lúc mở, đơn vị vẫn thấy điểm của phiên bản ${version}; niêm phong lại sẽ tạo phiên bản ${(version ?? 0) + 1}.`;
}

export const nationalScoresPages: RoutePlugin<{ scoring: ScoringService; campaigns: CampaignsService }> = async (app, { scoring, campaigns }) => {
  const r = typed(app);

  async function render(request: FastifyRequest, reply: FastifyReply, campaignId: string, query: z.infer<typeof tableQuery>, notice: { error?: string; status?: number } = {}) {
    const [campaign, doc, versions, config] = await Promise.all([campaigns.get(campaignId), scoring.document(campaignId), scoring.versions(campaignId), campaigns.config(campaignId)]);
    const illustrative = Object.entries(config.sources ?? {}).filter(([, s]) => s.illustrative).map(([part]) => PART_LABELS[part] ?? part);
    const basis = basisOf(doc);
    const sealedNow = doc.seal !== null;
    return reply.page(
      'national-scores',
      await pageContext(request, reply, {
        campaign,
        basis,
        rows: nationalRows(doc, query.sort, query.order),
        query,
        versions,
        can: { seal: !sealedNow, publish: sealedNow && !doc.publishedAt, unseal: sealedNow },
        done: doneMessages[query.done ?? ''],
        error: notice.error,
        statusLabel: (s: keyof typeof UNIT_STATUS_LABELS) => UNIT_STATUS_LABELS[s],
        num: (v: string | null) => (v === null ? null : v.replace('.', ',')),
        sortKeys: SORT_KEYS,
        illustrative,
      }),
      notice.status ?? 200,
    );
  }

  r.get('/c/:campaign/scores', {
    config: { access: ['admin', 'scoring'], page: true },
    schema: { hide: true, params: campaignParams, querystring: tableQuery },
    handler: async (request, reply) => render(request, reply, request.params.campaign, request.query),
  });

  for (const ext of ['csv', 'xlsx'] as const) {
    r.get(`/c/:campaign/scores.${ext}`, {
      config: { access: ['admin', 'scoring'] },
      schema: { hide: true, params: campaignParams, querystring: tableQuery },
      handler: async (request, reply) => {
        const doc = await scoring.document(request.params.campaign);
        const rows = tableRows(nationalRows(doc, request.query.sort, request.query.order), doc);
        const name = `bang-diem-${request.params.campaign}${doc.seal ? `-v${doc.seal.version}` : '-tam-tinh'}.${ext}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (ext === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(TABLE_HEADER, rows, { bom: true }));
        return reply.type(XLSX_TYPE).send(await toXlsx([{ name: 'Bảng điểm', header: TABLE_HEADER, rows }]));
      },
    });
  }

  r.get('/c/:campaign/scores/:action', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: actionParams },
    handler: async (request, reply) => {
      const { campaign: campaignId, action } = request.params;
      const [campaign, doc] = await Promise.all([campaigns.get(campaignId), scoring.document(campaignId)]);
      return reply.page('scores-confirm', await pageContext(request, reply, { campaign, action, explanation: explain(action, doc.seal?.version ?? null, doc.publishedAt !== null) }));
    },
  });

  r.post('/c/:campaign/scores/:action', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, params: actionParams, body: actionForm },
    handler: async (request, reply) => {
      const { campaign: campaignId, action } = request.params;
      const actor = principalOf(request).username;
      const back = tableQuery.parse({});
      try {
        if (request.body.confirm !== 'yes') throw new AppError('not_confirmed', 422, 'Chưa xác nhận nên chưa thực hiện. Hãy đọc nội dung và bấm nút xác nhận.');
        if (action === 'seal') await scoring.seal(campaignId, actor);
        else if (action === 'publish') await scoring.publish(campaignId, actor);
        else await scoring.unseal(campaignId, actor, request.body.reason ?? '');
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        return render(request, reply, campaignId, back, { error: error.message, status: error.status });
      }
      return reply.redirect(`/c/${campaignId}/scores?done=${action}`, 303);
    },
  });
};
