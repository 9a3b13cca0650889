// Scores for the index calculator: streams a campaign's responses once through
// the tally and the input digest, then renders the export. Sealing records the
// digest after the response deadline; verifying recomputes it; publishing lets
// bodies see their own totals. The pure rules live in compute.ts and friends.
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { dbNow } from '../campaigns/campaigns.queries.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { computeScores, invitedKey } from './compute.js';
import { createInputDigest } from './digest.js';
import { csvChunks, jsonChunks, type ScoreExport } from './render.js';
import { scoringPlan } from './scheme.js';
import * as q from './scoring.queries.js';
import { createTally } from './tally.js';
import { bodyView, type BodyScores } from './visibility.js';

export type ExportFormat = 'csv' | 'json';

export type ScoringDeps = { db: Db; campaigns: CampaignsService; clock?: () => Date; pageSize?: number };

export function createScoringService({ db, campaigns, clock = () => new Date(), pageSize = 5000 }: ScoringDeps) {
  /** Published, sealed documents: their inputs are frozen, so bodies' views are served from here. */
  const published = new Map<string, ScoreExport>();

  /** One pass over the responses: the tally, the digest and the counts. */
  async function compute(campaignId: string) {
    const campaign = await campaigns.requireCampaign(campaignId);
    const config = await campaigns.config(campaignId);
    const bodies = await q.listScoredBodies(db, campaignId);
    const invited = await q.invitedCounts(db, campaignId);
    const plan = scoringPlan(config, bodies);
    const tally = createTally(plan, new Set(bodies.filter((b) => b.voidedAt !== null).map((b) => b.code)));
    const digest = createInputDigest(campaignId, plan, bodies.map((b) => ({ code: b.code, voided: b.voidedAt !== null })), invited);
    let afterId: string | null = null;
    let total = 0;
    for (;;) {
      const page = await q.responsePage(db, campaignId, afterId, pageSize);
      for (const r of page) {
        digest.add(r);
        tally.add(r);
      }
      total += page.length;
      if (page.length < pageSize) break;
      afterId = page[page.length - 1]!.id;
    }
    const result = computeScores(tally, new Map(invited.map((i) => [invitedKey(i.bodyCode, i.groupCode), i.invited])));
    return { campaign, plan, result, inputDigest: digest.finish(), responses: total };
  }

  async function document(campaignId: string): Promise<ScoreExport> {
    const [{ campaign, plan, result, inputDigest }, seal] = await Promise.all([compute(campaignId), q.findSeal(db, campaignId)]);
    return {
      campaignId,
      campaignName: campaign.name,
      schemeVersion: plan.version,
      surveyShare: plan.surveyShare,
      minValidPerGroup: plan.minValidPerGroup,
      generatedAt: clock().toISOString(),
      inputDigest,
      seal: seal ? { digest: seal.digest, sealedAt: seal.sealedAt.toISOString(), matches: seal.digest === inputDigest } : null,
      publishedAt: campaign.publishedAt?.toISOString() ?? null,
      ...result,
    };
  }

  async function requireSeal(campaignId: string) {
    const seal = await q.findSeal(db, campaignId);
    if (!seal) throw conflict('not_sealed', 'Dữ liệu đợt khảo sát chưa được niêm phong. Niêm phong sau khi hết hạn trả lời phiếu.');
    return seal;
  }

  return {
    document,

    /** The export, rendered chunk by chunk; `inputDigest` names the data it was computed from. */
    async exportScores({ campaignId, format, bom = false }: { campaignId: string; format: ExportFormat; bom?: boolean }) {
      const doc = await document(campaignId);
      return {
        inputDigest: doc.inputDigest,
        contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        fileName: `diem-khao-sat-${campaignId}.${format}`,
        chunks: format === 'csv' ? csvChunks(doc, { bom }) : jsonChunks(doc),
      };
    },

    /** Recomputes the input digest and compares it with the seal's. */
    async verify(campaignId: string) {
      const seal = await requireSeal(campaignId);
      const { inputDigest, responses } = await compute(campaignId);
      return { campaignId, sealedAt: seal.sealedAt, sealedDigest: seal.digest, currentDigest: inputDigest, matches: seal.digest === inputDigest, responses };
    },

    /** Freezes the inputs once the response deadline has passed: records their digest and audits it. */
    async seal(campaignId: string, actor: string) {
      const campaign = await campaigns.requireCampaign(campaignId);
      if (await q.findSeal(db, campaignId)) throw conflict('already_sealed', 'Dữ liệu đợt khảo sát đã được niêm phong trước đó.');
      const now = await dbNow(db);
      if (now.getTime() < campaign.responseDeadline.getTime()) {
        throw conflict('deadline_not_passed', 'Chưa hết hạn trả lời phiếu nên chưa thể niêm phong dữ liệu.');
      }
      const { plan, inputDigest, responses } = await compute(campaignId);
      const row = await db.transaction(async (tx) => {
        const inserted = await q.insertSeal(tx, { campaignId, digest: inputDigest, schemeVersion: plan.version, responses });
        if (!inserted) throw conflict('already_sealed', 'Dữ liệu đợt khảo sát đã được niêm phong trước đó.');
        await recordAudit(tx, { actor, action: 'scores.seal', campaignId, details: { digest: inputDigest, schemeVersion: plan.version, responses } });
        return inserted;
      });
      return { campaignId, sealedAt: row.sealedAt, digest: row.digest, schemeVersion: row.schemeVersion, responses: row.responses };
    },

    /** The job: seals every campaign whose response deadline has passed. */
    async sealDue(actor = 'system') {
      const sealed: string[] = [];
      for (const id of await q.campaignsDueForSeal(db)) {
        try {
          await this.seal(id, actor);
          sealed.push(id);
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'already_sealed')) throw error;
        }
      }
      return sealed;
    },

    /** Lets bodies see their own scores; only sealed data whose digest still matches is published. */
    async publish(campaignId: string, actor: string) {
      const seal = await requireSeal(campaignId);
      const doc = await document(campaignId);
      if (doc.publishedAt) throw conflict('already_published', 'Kết quả đợt khảo sát đã được công bố.');
      if (doc.inputDigest !== seal.digest) {
        throw conflict('seal_mismatch', 'Dữ liệu đã thay đổi sau khi niêm phong (mã SHA-256 không khớp); không thể công bố. Hãy kiểm tra nhật ký.');
      }
      const publishedAt = await db.transaction(async (tx) => {
        const at = await q.markPublished(tx, campaignId);
        if (!at) throw conflict('already_published', 'Kết quả đợt khảo sát đã được công bố.');
        await recordAudit(tx, { actor, action: 'scores.publish', campaignId, details: { digest: seal.digest } });
        return at;
      });
      published.set(campaignId, { ...doc, publishedAt: publishedAt.toISOString() });
      return { campaignId, publishedAt, digest: seal.digest };
    },

    /**
     * A body's scores. Staff see them at any time; the body itself only once
     * published, and without any figure computed from fewer than 5 responses.
     */
    async bodyScores(campaignId: string, bodyCode: string, viewer: 'staff' | 'body'): Promise<BodyScores> {
      await campaigns.requireBody(campaignId, bodyCode);
      const campaign = await campaigns.requireCampaign(campaignId);
      if (viewer === 'body' && !campaign.publishedAt) throw notFound('Kết quả điểm khảo sát của đợt này chưa được công bố.');
      let doc = campaign.publishedAt ? published.get(campaignId) : undefined;
      if (!doc) {
        doc = await document(campaignId);
        if (campaign.publishedAt) published.set(campaignId, doc);
      }
      return bodyView(doc, bodyCode, viewer === 'body');
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
