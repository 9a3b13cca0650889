import type { Db } from '../../db/client.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { loadPreset } from '../../presets/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { normalisePhone } from '../roster/contact.js';
import { campaignConfigSchema, type CampaignConfig } from './campaign-config.js';
import { configOf, type CampaignFile } from './campaign-file.js';
import type { CreateCampaignInput, ItContactInput } from './campaigns.schemas.js';
import * as q from './campaigns.queries.js';
import { checkBodyListDeadline, checkDeadlineChange, formatDeadline, listDeadlineFor, parseDeadline } from './deadlines.js';

const deadlineView = (at: Date) => ({ at, text: formatDeadline(at) });

export function summarise(c: Pick<q.CampaignRow, 'id' | 'name' | 'year' | 'level' | 'preset' | 'listDeadline' | 'responseDeadline' | 'publishedAt'>) {
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    level: c.level,
    preset: c.preset,
    listDeadline: deadlineView(c.listDeadline),
    responseDeadline: deadlineView(c.responseDeadline),
    publishedAt: c.publishedAt,
  };
}

export function bodyView(campaign: Pick<q.CampaignRow, 'listDeadline'>, b: q.CampaignBodyRow) {
  return {
    campaignId: b.campaignId,
    code: b.code,
    name: b.name,
    listState: b.listState,
    listSubmittedAt: b.listSubmittedAt,
    listDeadline: deadlineView(listDeadlineFor(campaign, b)),
    listDeadlineExtended: b.listDeadline !== null,
    itContact: { name: b.itContactName, title: b.itContactTitle, mobile: b.itContactMobile },
    voided: b.voidedAt !== null,
  };
}

function checkOrder(listDeadline: Date, responseDeadline: Date) {
  if (listDeadline.getTime() > responseDeadline.getTime()) {
    throw invalid(
      `Thời hạn gửi danh sách (${formatDeadline(listDeadline)}) phải trước thời hạn trả lời phiếu (${formatDeadline(responseDeadline)}).`,
      [{ field: 'listDeadline', message: 'sau thời hạn trả lời' }],
    );
  }
}

export function createCampaignsService({ db }: { db: Db }) {
  const configs = new Map<string, CampaignConfig>();

  async function requireCampaign(id: string) {
    const campaign = await q.findCampaign(db, id);
    if (!campaign) throw notFound('Không tìm thấy đợt khảo sát.');
    return campaign;
  }

  async function requireBody(campaignId: string, code: string) {
    const body = await q.findCampaignBody(db, campaignId, code);
    if (!body) throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
    return body;
  }

  return {
    requireCampaign,
    requireBody,

    /** The campaign's configuration; it never changes after creation, so it is cached. */
    async config(id: string): Promise<CampaignConfig> {
      const cached = configs.get(id);
      if (cached) return cached;
      const campaign = await requireCampaign(id);
      const config = campaignConfigSchema.parse(campaign.config);
      configs.set(id, config);
      return config;
    },

    /** Opens a campaign from a shipped preset (by id) or from a campaign file MOHA supplies. */
    async create(input: CreateCampaignInput, actor: string, file?: CampaignFile) {
      if (!file && !input.preset) throw invalid('Cần chọn một mẫu có sẵn hoặc tải lên tệp đợt khảo sát.', [{ field: 'preset', message: 'bắt buộc' }]);
      const source = file ?? loadPreset(input.preset!);
      const origin = file ? `file:${file.id}` : source.id;
      const listDeadline = parseDeadline(input.listDeadline ?? source.defaults.listDeadline);
      const responseDeadline = parseDeadline(input.responseDeadline ?? source.defaults.responseDeadline);
      checkOrder(listDeadline, responseDeadline);
      const base = configOf(source);
      let bodies = base.bodies;
      if (input.bodies) {
        const unknown = input.bodies.filter((code) => !bodies.some((b) => b.code === code));
        if (unknown.length) {
          throw invalid(`Mẫu ${source.id} không có đơn vị mã: ${unknown.join(', ')}.`, [{ field: 'bodies', message: 'mã đơn vị không có trong mẫu' }]);
        }
        bodies = bodies.filter((b) => input.bodies!.includes(b.code));
      }
      const config: CampaignConfig = { ...base, name: input.name ?? base.name, bodies, integrity: { ...base.integrity, ...input.integrity } };
      if (await q.campaignExists(db, input.id)) {
        throw new AppError('campaign_exists', 409, `Đợt khảo sát "${input.id}" đã tồn tại.`);
      }
      await db.transaction(async (tx) => {
        await q.insertCampaign(
          tx,
          { id: input.id, name: config.name, year: config.year, level: config.level, preset: origin, config, listDeadline, responseDeadline },
          bodies.map((b) => ({ campaignId: input.id, code: b.code, name: b.name })),
        );
        await recordAudit(tx, {
          actor,
          action: 'campaign.create',
          campaignId: input.id,
          details: { preset: origin, bodies: bodies.length, listDeadline: listDeadline.toISOString(), responseDeadline: responseDeadline.toISOString() },
        });
      });
      return this.get(input.id);
    },

    async list(bodyCode: string | null) {
      return (await q.listCampaigns(db, bodyCode)).map(summarise);
    },

    async get(id: string) {
      const campaign = await requireCampaign(id);
      const config = await this.config(id);
      const bodies = await q.listCampaignBodies(db, id);
      return {
        ...summarise(campaign),
        groups: [...config.groups].sort((a, b) => a.priority - b.priority).map((g) => ({ code: g.code, name: g.name, priority: g.priority, form: g.form })),
        bodies: bodies.length,
      };
    },

    async setDeadlines(id: string, input: { listDeadline?: string; responseDeadline?: string }, actor: string) {
      const campaign = await requireCampaign(id);
      const listDeadline = input.listDeadline ? parseDeadline(input.listDeadline) : campaign.listDeadline;
      const responseDeadline = input.responseDeadline ? parseDeadline(input.responseDeadline) : campaign.responseDeadline;
      checkOrder(listDeadline, responseDeadline);
      if (responseDeadline.getTime() !== campaign.responseDeadline.getTime() && (await q.isSealed(db, id))) {
        throw conflict('campaign_sealed', 'Dữ liệu đợt khảo sát đã được niêm phong để tính điểm nên không thể đổi thời hạn trả lời phiếu.');
      }
      const extensions = (await q.listCampaignBodies(db, id)).flatMap((b) => (b.listDeadline ? [{ name: b.name, listDeadline: b.listDeadline }] : []));
      checkDeadlineChange({ listDeadline, responseDeadline }, { now: await q.dbNow(db), listDeadline: campaign.listDeadline, responseDeadline: campaign.responseDeadline }, extensions);
      await db.transaction(async (tx) => {
        await q.updateCampaignDeadlines(tx, id, { listDeadline, responseDeadline });
        await recordAudit(tx, {
          actor,
          action: 'campaign.deadlines',
          campaignId: id,
          details: {
            listDeadline: { from: campaign.listDeadline.toISOString(), to: listDeadline.toISOString() },
            responseDeadline: { from: campaign.responseDeadline.toISOString(), to: responseDeadline.toISOString() },
          },
        });
      });
      return this.get(id);
    },

    async listBodies(id: string) {
      const campaign = await requireCampaign(id);
      return (await q.listCampaignBodies(db, id)).map((b) => bodyView(campaign, b));
    },

    async getBody(id: string, code: string) {
      const campaign = await requireCampaign(id);
      return bodyView(campaign, await requireBody(id, code));
    },

    /** MOHA extends (or, with null, withdraws the extension of) one body's list deadline. */
    async setBodyListDeadline(id: string, code: string, deadline: string | null, actor: string) {
      const campaign = await requireCampaign(id);
      const body = await requireBody(id, code);
      const at = deadline === null ? null : parseDeadline(deadline);
      if (at) checkBodyListDeadline(at, { now: await q.dbNow(db), listDeadline: campaign.listDeadline, responseDeadline: campaign.responseDeadline });
      const updated = await db.transaction(async (tx) => {
        const row = await q.updateCampaignBody(tx, id, code, { listDeadline: at });
        await recordAudit(tx, {
          actor,
          action: 'body.list_deadline',
          campaignId: id,
          bodyCode: code,
          details: { from: body.listDeadline?.toISOString() ?? null, to: at?.toISOString() ?? null },
        });
        return row!;
      });
      return bodyView(campaign, updated);
    },

    async setItContact(id: string, code: string, contact: ItContactInput, actor: string) {
      const campaign = await requireCampaign(id);
      await requireBody(id, code);
      const mobile = normalisePhone(contact.mobile);
      if (!mobile) {
        throw invalid(`Số điện thoại "${contact.mobile}" không hợp lệ. Nhập số di động Việt Nam, ví dụ 0912 345 678.`, [
          { field: 'mobile', message: 'không phải số điện thoại Việt Nam' },
        ]);
      }
      const updated = await db.transaction(async (tx) => {
        const row = await q.updateCampaignBody(tx, id, code, { itContactName: contact.name, itContactTitle: contact.title, itContactMobile: mobile });
        await recordAudit(tx, { actor, action: 'body.it_contact', campaignId: id, bodyCode: code, details: { name: contact.name, title: contact.title } });
        return row!;
      });
      return bodyView(campaign, updated);
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
