// Runs the interference rules over a campaign one body at a time, keeps the
// flags in step with the data, and records MOHA's decisions: dismiss, or void
// the responses in the evidence or the whole body's result, all audited.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CampaignConfig } from '../campaigns/campaign-config.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import type { BodySummary } from './baseline.js';
import { evaluateBody, fingerprintOf, sheetOf, signalOf, summaryOf, withNational, type BodyInput, type CampaignContext } from './evaluate.js';
import type { ListStats } from './rules/suspicious-lists.js';
import type { Finding } from './signals.js';
import { resolveThresholds } from './thresholds.js';
import * as q from './integrity.queries.js';
import type { DecisionInput, FlagsQuery, FlagView } from './integrity.schemas.js';
import { assertNotSealed } from '../scoring/seal-guard.js';

export type RunStats = { campaignId: string; bodies: number; responses: number; flags: number; open: number; ms: number };

function questionIds(config: CampaignConfig): Map<string, string[]> {
  return new Map(config.forms.map((f) => [f.code, f.sections.flatMap((s) => s.questions.map((x) => x.id))]));
}

const view = (row: q.FlagRow): FlagView => ({ ...row, evidence: row.evidence as Record<string, unknown> });

/** Fingerprints stay short enough for the index whatever the finding's key. */
const fingerprint = (bodyCode: string, f: Finding) => {
  const raw = fingerprintOf(bodyCode, f);
  return raw.length <= 160 ? raw : `${f.rule}:${bodyCode}:${createHash('sha256').update(raw).digest('hex')}`;
};

export function createIntegrityService({ db, campaigns }: { db: Db; campaigns: Pick<CampaignsService, 'config' | 'requireCampaign'> }) {
  /** Bodies' data signatures at their last evaluation in this process, for incremental runs. */
  const seen = new Map<string, Map<string, string>>();

  /** Body summaries for the national baseline, kept with the data signature they were made from. */
  const summaries = new Map<string, Map<string, { sig: string; summary: BodySummary }>>();

  type Base = Omit<CampaignContext, 'national' | 'summaries'> & { questions: Map<string, string[]>; perBody: (code: string) => Omit<BodyInput, 'responses' | 'activity'> };

  async function base(campaignId: string): Promise<Base> {
    const config = await campaigns.config(campaignId);
    const thresholds = resolveThresholds(config.integrity);
    const questions = questionIds(config);
    const [pace, sheets, lists, links, reportRows, bodies] = await Promise.all([
      q.groupPace(db, campaignId, thresholds['speeders.ratio']),
      q.repeatedSheets(db, campaignId),
      q.listSignals(db, campaignId),
      q.linkStats(db, campaignId, thresholds['forwarded.minDevices']),
      q.reportList(db, campaignId),
      q.listBodies(db, campaignId),
    ]);
    const repeated = new Map<string, number>();
    for (const r of sheets.repeated) {
      const key = `${r.formCode}|${sheetOf(r.answers, questions.get(r.formCode) ?? [])}`;
      repeated.set(key, (repeated.get(key) ?? 0) + r.n);
    }
    const submitted = new Set(bodies.filter((b) => b.listState === 'submitted').map((b) => b.code));
    const hdnd = config.groups.find((g) => g.priority === 1);
    const groupName = new Map(config.groups.map((g) => [g.code, g.name]));
    const formName = new Map(config.groups.map((g) => [g.form, g.name]));
    return {
      thresholds,
      questions,
      pace: {
        medianSeconds: Object.fromEntries(pace.map((p) => [p.groupCode, p.median])),
        speederShare: Object.fromEntries(pace.map((p) => [p.groupCode, p.n ? p.fast / p.n : 0])),
      },
      sheets: { formTotals: Object.fromEntries(sheets.totals.map((t) => [t.formCode, t.n])), repeated },
      names: { form: (c) => formName.get(c) ?? c, group: (c) => groupName.get(c) ?? c },
      expectations: (code) => ({
        officialDomains: config.mail.officialDomains,
        hdndSeats: config.bodies.find((b) => b.code === code)?.hdndSeats,
        hdndGroup: hdnd?.code ?? 'hdnd',
        ...(hdnd ? { hdndName: hdnd.name } : {}),
      }),
      perBody: (code) => {
        const mine = <T extends { body: string }>(rows: T[]) => rows.filter((r) => r.body === code);
        const list: ListStats = {
          listed: mine(lists.groups).reduce((s, r) => s + r.n, 0),
          groups: Object.fromEntries(mine(lists.groups).map((r) => [r.key, r.n])),
          domains: Object.fromEntries(mine(lists.domains).map((r) => [r.key, r.n])),
          sharedMailboxes: mine(lists.mailboxes).map((r) => r.n),
          sharedPhones: mine(lists.phones).map((r) => r.n),
          changedAfterInvitation: mine(lists.changed).reduce((s, r) => s + r.n, 0),
        };
        const link = mine(links)[0];
        return {
          bodyCode: code,
          list: submitted.has(code) ? list : null,
          links: { unansweredWideLinks: link?.unanswered ?? 0, wideLinks: link?.wide ?? 0, openedLinks: link?.opened ?? 0 },
          reports: mine(reportRows).map((r) => ({ kind: r.kind, message: r.message, at: r.at.toISOString() })),
        };
      },
    };
  }

  async function signals(campaignId: string, bodyCode: string, questions: Map<string, string[]>) {
    // Time windows come from the counts kept at submission: responses carry only their batch's time.
    const [rows, activity] = await Promise.all([q.bodyResponses(db, campaignId, bodyCode), q.bodyActivity(db, campaignId, bodyCode)]);
    return { responses: rows.map((r) => signalOf(r.id, r, questions)), activity };
  }

  /** Every body's summary (re-read only where the data changed), then the national baseline. */
  async function context(campaignId: string, given?: { bodies: { code: string }[]; signatures: Map<string, string> }): Promise<CampaignContext & Base> {
    const [b, { bodies, signatures }] = await Promise.all([
      base(campaignId),
      given ?? Promise.all([q.listBodies(db, campaignId), q.bodySignatures(db, campaignId)]).then(([bodies, signatures]) => ({ bodies, signatures })),
    ]);
    const cache = summaries.get(campaignId) ?? summaries.set(campaignId, new Map()).get(campaignId)!;
    const stale = bodies.map((x) => x.code).filter((code) => cache.get(code)?.sig !== (signatures.get(code) ?? ''));
    // The next body loads while the current one is summarised.
    let next = stale.length ? signals(campaignId, stale[0]!, b.questions) : null;
    for (let i = 0; i < stale.length; i++) {
      const code = stale[i]!;
      const rows = await next!;
      next = i + 1 < stale.length ? signals(campaignId, stale[i + 1]!, b.questions) : null;
      cache.set(code, { sig: signatures.get(code) ?? '', summary: summaryOf({ ...b.perBody(code), ...rows }, b.pace, b.thresholds) });
    }
    const known = new Set(bodies.map((x) => x.code));
    const list = [...cache].filter(([code]) => known.has(code)).map(([, v]) => v.summary);
    return { ...b, ...withNational(b, list) };
  }

  /** Evaluates the given bodies (default all), one in memory at a time, the next one loading meanwhile. */
  async function scan(input: { campaignId: string; bodies?: string[] | undefined; onBody?: (done: number, total: number) => void }): Promise<RunStats> {
    const started = performance.now();
    const { campaignId } = input;
    await campaigns.requireCampaign(campaignId);
    const [bodies, signatures] = await Promise.all([q.listBodies(db, campaignId), q.bodySignatures(db, campaignId)]);
    const ctx = await context(campaignId, { bodies, signatures });
    const all = bodies.map((b) => b.code);
    const codes = input.bodies ? all.filter((c) => input.bodies!.includes(c)) : all;
    let responses = 0;
    let flagged = 0;
    let next = codes.length ? signals(campaignId, codes[0]!, ctx.questions) : null;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      const rows = await next!;
      next = i + 1 < codes.length ? signals(campaignId, codes[i + 1]!, ctx.questions) : null;
      responses += rows.responses.length;
      const findings = evaluateBody({ ...ctx.perBody(code), ...rows }, ctx);
      flagged += findings.length;
      await db.transaction((tx) =>
        q.replaceBodyFlags(tx, campaignId, code, findings.map((f) => ({ campaignId, bodyCode: code, rule: f.rule, severity: f.severity, fingerprint: fingerprint(code, f), evidence: { ...f.evidence, score: Math.round(f.score * 1000) / 1000 } }))),
      );
      const sig = signatures.get(code);
      if (sig !== undefined) (seen.get(campaignId) ?? seen.set(campaignId, new Map()).get(campaignId)!).set(code, sig);
      input.onBody?.(i + 1, codes.length);
    }
    const open = (await q.findFlags(db, campaignId, { status: 'open' }, { limit: 1, offset: 0 })).total;
    return { campaignId, bodies: codes.length, responses, flags: flagged, open, ms: Math.round(performance.now() - started) };
  }

  async function requireFlag(campaignId: string, id: string) {
    const row = await q.findFlag(db, campaignId, id);
    if (!row) throw notFound('Không tìm thấy cảnh báo.');
    return row;
  }

  return {
    scan,

    /** Runs every rule over the campaign (or some bodies) and returns those bodies' flags. */
    async run(input: { campaignId: string; bodies?: string[] }): Promise<FlagView[]> {
      await scan(input);
      const codes = input.bodies ?? (await q.listBodies(db, input.campaignId)).map((b) => b.code);
      return (await q.flagsOfBodies(db, input.campaignId, codes)).map(view);
    },

    /** Only the bodies whose responses, list, links or reports changed since they were last evaluated here. */
    async runChanged(input: { campaignId: string; onBody?: (done: number, total: number) => void }): Promise<RunStats> {
      const now = await q.bodySignatures(db, input.campaignId);
      const before = seen.get(input.campaignId) ?? new Map<string, string>();
      const changed = [...now].filter(([code, sig]) => before.get(code) !== sig).map(([code]) => code);
      if (changed.length === 0) return { campaignId: input.campaignId, bodies: 0, responses: 0, flags: 0, open: 0, ms: 0 };
      return scan({ ...input, bodies: changed });
    },

    /** One body's findings without storing them. */
    async evaluate(input: { campaignId: string; bodyCode: string }): Promise<Finding[]> {
      const ctx = await context(input.campaignId);
      return evaluateBody({ ...ctx.perBody(input.bodyCode), ...(await signals(input.campaignId, input.bodyCode, ctx.questions)) }, ctx);
    },

    async listFlags(campaignId: string, query: FlagsQuery) {
      await campaigns.requireCampaign(campaignId);
      const { rows, total } = await q.findFlags(db, campaignId, query, query);
      return { total, flags: rows.map(view) };
    },

    async getFlag(campaignId: string, id: string): Promise<FlagView> {
      return view(await requireFlag(campaignId, id));
    },

    /** Dismisses or confirms an open flag; confirming voids the evidence's responses or the whole body. */
    async decide(campaignId: string, id: string, input: DecisionInput, actor: string) {
      return db.transaction(async (tx) => {
        const flag = await q.lockFlag(tx, campaignId, id);
        if (!flag) throw notFound('Không tìm thấy cảnh báo.');
        if (input.decision !== 'dismiss') await assertNotSealed(tx, campaignId);
        if (flag.status !== 'open') throw conflict('flag_decided', 'Cảnh báo này đã được xử lý; hãy mở lại trước khi quyết định lại.');
        const reason = `flag:${flag.id}: ${input.reason}`;
        let voided = 0;
        if (input.decision === 'void_responses') {
          const ids = ((flag.evidence as { responseIds?: string[] }).responseIds ?? []).filter((x) => typeof x === 'string');
          if (ids.length === 0) throw conflict('no_responses', 'Cảnh báo này không gắn với phiếu cụ thể; hãy chọn hủy kết quả của cả đơn vị hoặc bỏ qua.');
          voided = await q.voidResponses(tx, campaignId, flag.bodyCode, ids, reason);
        } else if (input.decision === 'void_body') {
          if (await q.bodyVoidReason(tx, campaignId, flag.bodyCode)) throw conflict('body_voided', 'Kết quả của đơn vị đã bị hủy theo một quyết định khác.');
          await q.setBodyVoid(tx, campaignId, flag.bodyCode, reason);
          voided = await q.voidResponses(tx, campaignId, flag.bodyCode, 'all', reason);
        }
        const decided = { status: input.decision === 'dismiss' ? ('dismissed' as const) : ('confirmed' as const), decision: input.decision, decisionReason: input.reason, decidedBy: actor };
        await q.setFlagDecision(tx, flag.id, decided);
        await recordAudit(tx, {
          actor,
          action: input.decision === 'dismiss' ? 'flag.dismiss' : 'flag.confirm',
          campaignId,
          bodyCode: flag.bodyCode,
          details: { flagId: flag.id, rule: flag.rule, severity: flag.severity, decision: input.decision, reason: input.reason, voidedResponses: voided },
        });
        return { flag: view((await q.findFlag(tx, campaignId, id))!), voidedResponses: voided, bodyVoided: input.decision === 'void_body' };
      });
    },

    /** Undoes a decision: the flag is open again and what it voided is restored. */
    async reopen(campaignId: string, id: string, input: { reason: string }, actor: string) {
      return db.transaction(async (tx) => {
        const flag = await q.lockFlag(tx, campaignId, id);
        if (!flag) throw notFound('Không tìm thấy cảnh báo.');
        if (flag.status === 'open') throw conflict('flag_open', 'Cảnh báo này đang mở, chưa có quyết định để hủy.');
        if (flag.decision !== 'dismiss') await assertNotSealed(tx, campaignId);
        const reason = `flag:${flag.id}: ${flag.decisionReason}`;
        const restored = await q.unvoidResponses(tx, campaignId, flag.bodyCode, reason);
        if (flag.decision === 'void_body' && (await q.bodyVoidReason(tx, campaignId, flag.bodyCode)) === reason) await q.setBodyVoid(tx, campaignId, flag.bodyCode, null);
        await q.setFlagDecision(tx, flag.id, { status: 'open', decision: null, decisionReason: null, decidedBy: null });
        await recordAudit(tx, { actor, action: 'flag.reopen', campaignId, bodyCode: flag.bodyCode, details: { flagId: flag.id, rule: flag.rule, previous: flag.decision, reason: input.reason, restoredResponses: restored } });
        return { flag: view((await q.findFlag(tx, campaignId, id))!), restoredResponses: restored };
      });
    },
  };
}

export type IntegrityService = ReturnType<typeof createIntegrityService>;
