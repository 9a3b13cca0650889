// Scores for the index calculator: streams a campaign's responses once through
// the tally and the input digest, then renders the export. Sealing stores the
// computed scores and their inputs' digest as a numbered version, which every
// later view and export reads; unsealing (audited, with a reason) allows a
// change and a new version. Publishing lets bodies see their own totals.
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
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

export type ScoringDeps = {
  db: Db;
  campaigns: CampaignsService;
  clock?: () => Date;
  pageSize?: number;
  /** Releases answers still waiting in the ballot box at the deadline: a seal must include them. */
  releaseWaiting?: (campaignId: string) => Promise<unknown>;
};

export function createScoringService({ db, campaigns, clock = () => new Date(), pageSize = 5000, releaseWaiting }: ScoringDeps) {
  /** Sealed versions' documents, by campaign and version: they never change once written. */
  const snapshots = new Map<string, ScoreExport>();

  /** One pass over the responses: the tally, the digest and the counts. */
  async function compute(campaignId: string) {
    const campaign = await campaigns.requireCampaign(campaignId);
    const config = await campaigns.config(campaignId);
    const bodies = await q.listScoredBodies(db, campaignId);
    const invited = await q.invitedCounts(db, campaignId);
    const plan = scoringPlan(config, bodies);
    const tally = createTally(plan, new Set(bodies.filter((b) => b.voidedAt !== null).map((b) => b.code)));
    const digest = createInputDigest(campaignId, plan, bodies.map((b) => ({ code: b.code, voided: b.voidedAt !== null })), invited);
    let total = 0;
    // The next page is fetched while this one is counted.
    let next: Promise<Awaited<ReturnType<typeof q.responsePage>>> | null = q.responsePage(db, campaignId, null, pageSize);
    while (next) {
      const page: Awaited<ReturnType<typeof q.responsePage>> = await next;
      next = page.length === pageSize ? q.responsePage(db, campaignId, page[page.length - 1]!.id, pageSize) : null;
      next?.catch(() => undefined); // awaited on the next turn; never an unhandled rejection meanwhile
      for (const r of page) {
        digest.add(r);
        tally.add({ bodyCode: r.bodyCode, groupCode: r.groupCode, voided: r.voided, answers: JSON.parse(r.answersText) });
      }
      total += page.length;
    }
    const result = computeScores(tally, new Map(invited.map((i) => [invitedKey(i.bodyCode, i.groupCode), i.invited])));
    return { campaign, plan, result, inputDigest: digest.finish(), responses: total };
  }

  /** The scores computed now from the stored data; `seal` stays null. */
  async function liveDocument(campaignId: string): Promise<ScoreExport> {
    const { campaign, plan, result, inputDigest } = await compute(campaignId);
    return {
      campaignId,
      campaignName: campaign.name,
      schemeVersion: plan.version,
      surveyShare: plan.surveyShare,
      minValidPerGroup: plan.minValidPerGroup,
      bodyMinResponses: plan.bodyMinResponses,
      inputDigest,
      seal: null,
      publishedAt: null,
      ...result,
    };
  }

  /** A sealed version's own scores (immutable, so kept once read), with the publication state of now. */
  async function sealedDocument(row: q.SealRow, publishedAt: Date | null): Promise<ScoreExport | null> {
    if (row.scores === null) return null;
    const key = `${row.campaignId}\u0000${row.version}`;
    let stored = snapshots.get(key);
    if (!stored) {
      stored = JSON.parse(row.scores) as ScoreExport;
      if (snapshots.size >= 8) snapshots.delete(snapshots.keys().next().value!);
      snapshots.set(key, stored);
    }
    return { ...stored, seal: { version: row.version, digest: row.digest, sealedAt: row.sealedAt.toISOString() }, publishedAt: publishedAt?.toISOString() ?? null };
  }

  /** What every view and export reads: the sealed scores while a seal is in force, else the live ones. */
  async function document(campaignId: string): Promise<ScoreExport> {
    const campaign = await campaigns.requireCampaign(campaignId);
    const seal = await q.findSeal(db, campaignId);
    const sealed = seal ? await sealedDocument(seal, campaign.publishedAt) : null;
    return sealed ?? { ...(await liveDocument(campaignId)), publishedAt: campaign.publishedAt?.toISOString() ?? null };
  }

  async function requireSeal(campaignId: string) {
    const seal = await q.findSeal(db, campaignId);
    if (!seal) throw conflict('not_sealed', 'Dữ liệu đợt khảo sát chưa được niêm phong. Niêm phong sau khi hết hạn trả lời phiếu.');
    return seal;
  }

  return {
    document,

    /** The export, rendered chunk by chunk; `inputDigest` names the data, `generatedAt` travels beside the bytes. */
    async exportScores({ campaignId, format, bom = false }: { campaignId: string; format: ExportFormat; bom?: boolean }) {
      const doc = await document(campaignId);
      return {
        inputDigest: doc.inputDigest,
        generatedAt: clock().toISOString(),
        sealVersion: doc.seal?.version ?? null,
        contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        fileName: `diem-khao-sat-${campaignId}${doc.seal ? `-v${doc.seal.version}` : '-tam-tinh'}.${format}`,
        chunks: format === 'csv' ? csvChunks(doc, { bom }) : jsonChunks(doc),
      };
    },

    /** Recomputes the input digest and compares it with the seal's. */
    async verify(campaignId: string) {
      const seal = await requireSeal(campaignId);
      const { inputDigest, responses } = await compute(campaignId);
      return { campaignId, version: seal.version, sealedAt: seal.sealedAt, sealedDigest: seal.digest, currentDigest: inputDigest, matches: seal.digest === inputDigest, responses };
    },

    /** Freezes the scores once the response deadline has passed: stores them with their inputs' digest, audited. */
    async seal(campaignId: string, actor: string) {
      const campaign = await campaigns.requireCampaign(campaignId);
      if (await q.findSeal(db, campaignId)) throw conflict('already_sealed', 'Dữ liệu đợt khảo sát đã được niêm phong trước đó.');
      const now = await dbNow(db);
      if (now.getTime() < campaign.responseDeadline.getTime()) {
        throw conflict('deadline_not_passed', 'Chưa hết hạn trả lời phiếu nên chưa thể niêm phong dữ liệu.');
      }
      await releaseWaiting?.(campaignId);
      const doc = await liveDocument(campaignId);
      const responses = doc.responsesUsed + doc.exclusions.reduce((n, e) => n + e.responses, 0);
      const row = await db.transaction(async (tx) => {
        const inserted = await q.insertSeal(tx, { campaignId, digest: doc.inputDigest, schemeVersion: doc.schemeVersion, responses, scores: JSON.stringify(doc), sealedBy: actor });
        if (!inserted) throw conflict('already_sealed', 'Dữ liệu đợt khảo sát đã được niêm phong trước đó.');
        await recordAudit(tx, { actor, action: 'scores.seal', campaignId, details: { version: inserted.version, digest: doc.inputDigest, schemeVersion: doc.schemeVersion, responses } });
        return inserted;
      });
      return { campaignId, version: row.version, sealedAt: row.sealedAt, digest: row.digest, schemeVersion: row.schemeVersion, responses: row.responses };
    },

    /** Ends the seal in force so that a decided change can be made; audited with its reason. */
    async unseal(campaignId: string, actor: string, reason: string) {
      await campaigns.requireCampaign(campaignId);
      if (reason.trim().length < 5) throw invalid('Cần ghi rõ lý do mở niêm phong (ít nhất 5 ký tự).', [{ field: 'reason', message: 'bắt buộc' }]);
      return db.transaction(async (tx) => {
        const row = await q.unseal(tx, campaignId, actor, reason.trim());
        if (!row) throw conflict('not_sealed', 'Điểm của đợt khảo sát đang không được niêm phong.');
        await recordAudit(tx, { actor, action: 'scores.unseal', campaignId, details: { version: row.version, digest: row.digest, reason: reason.trim() } });
        return { campaignId, version: row.version, unsealedAt: row.unsealedAt!, reason: row.unsealReason! };
      });
    },

    /** Every sealed version, oldest first. */
    versions: (campaignId: string) => q.listSeals(db, campaignId),

    /** The job: seals every campaign whose response deadline has passed and that was never sealed. */
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
      const campaign = await campaigns.requireCampaign(campaignId);
      if (campaign.publishedAt) throw conflict('already_published', 'Kết quả đợt khảo sát đã được công bố.');
      const { inputDigest } = await compute(campaignId);
      if (inputDigest !== seal.digest) {
        throw conflict('seal_mismatch', 'Dữ liệu đã thay đổi sau khi niêm phong (mã SHA-256 không khớp); không thể công bố. Hãy kiểm tra nhật ký.');
      }
      const publishedAt = await db.transaction(async (tx) => {
        const at = await q.markPublished(tx, campaignId);
        if (!at) throw conflict('already_published', 'Kết quả đợt khảo sát đã được công bố.');
        await recordAudit(tx, { actor, action: 'scores.publish', campaignId, details: { version: seal.version, digest: seal.digest } });
        return at;
      });
      return { campaignId, version: seal.version, publishedAt, digest: seal.digest };
    },

    /**
     * A body's scores. Staff see them at any time; the body itself only once
     * published, from the last sealed version (frozen, even while MOHA has it
     * unsealed), and without figures resting on fewer than 5 responses of a group.
     */
    async bodyScores(campaignId: string, bodyCode: string, viewer: 'staff' | 'body'): Promise<BodyScores> {
      await campaigns.requireBody(campaignId, bodyCode);
      const campaign = await campaigns.requireCampaign(campaignId);
      if (viewer === 'body' && !campaign.publishedAt) throw notFound('Kết quả điểm khảo sát của đợt này chưa được công bố.');
      const [last, before] = await q.lastSeals(db, campaignId);
      const inForce = last && last.unsealedAt === null;
      const useSealed = last && (inForce || viewer === 'body');
      const doc = (useSealed && (await sealedDocument(last, campaign.publishedAt))) || (await document(campaignId));
      const previous = useSealed && before ? await sealedDocument(before, campaign.publishedAt) : null;
      return bodyView(doc, bodyCode, viewer === 'body', previous ?? undefined);
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
