// Runs every rule over one body's signals and returns its findings in a fixed
// order, so the same data always gives the same flags. The honest model's
// national side (baseline.ts) is built first from every body's summary. Also
// turns stored answers into the flat answer sheets the pattern rules compare.
import { nationalOf, restRate, summarize, type BodySummary, type National } from './baseline.js';
import { bursts } from './rules/bursts.js';
import { forwardedLinks, type OpenLinkStats } from './rules/forwarded-links.js';
import { identicalSheets, type NationalSheets } from './rules/identical-sheets.js';
import { respondentReports, type Report } from './rules/reports.js';
import { sharedDevice } from './rules/shared-device.js';
import { speeders, type GroupPace } from './rules/speeders.js';
import { answerPatterns } from './rules/straight-lining.js';
import { suspiciousLists, type ListExpectations, type ListStats } from './rules/suspicious-lists.js';
import { unloadedSubmits } from './rules/unloaded.js';
import { ruleNames, type Activity, type Finding, type ResponseSignal } from './signals.js';
import type { Thresholds } from './thresholds.js';

export type BodyInput = {
  bodyCode: string;
  responses: ResponseSignal[];
  /** Submissions per group and 10-minute bucket, counted at submit time. */
  activity: Activity[];
  list: ListStats | null;
  links: OpenLinkStats;
  reports: Report[];
};

export type CampaignContext = {
  thresholds: Thresholds;
  pace: GroupPace;
  sheets: NationalSheets;
  expectations: (bodyCode: string) => ListExpectations;
  national: National;
  summaries: ReadonlyMap<string, BodySummary>;
  /** Vietnamese names of forms and groups for the evidence sentences. */
  names?: { form: (code: string) => string; group: (code: string) => string };
};

const BUCKET = 10 * 60_000;

/** Counts per group and 10-minute bucket from response times (when no counters are kept). */
export function activityOf(responses: readonly Pick<ResponseSignal, 'at' | 'groupCode'>[]): Activity[] {
  const counts = new Map<string, Activity>();
  for (const r of responses) {
    const at = Math.floor(r.at / BUCKET) * BUCKET;
    const key = `${at}|${r.groupCode}`;
    const a = counts.get(key) ?? counts.set(key, { at, groupCode: r.groupCode, count: 0 }).get(key)!;
    a.count++;
  }
  return [...counts.values()].sort((a, b) => a.at - b.at || (a.groupCode < b.groupCode ? -1 : 1));
}

export function summaryOf(input: BodyInput, pace: GroupPace, t: Thresholds): BodySummary {
  return summarize(input.bodyCode, input.responses, input.activity, input.links, pace, t);
}

/** The national side of the honest model from every body's summary. */
export function withNational(base: Omit<CampaignContext, 'national' | 'summaries'>, summaries: readonly BodySummary[]): CampaignContext {
  return { ...base, national: nationalOf(summaries, base.thresholds), summaries: new Map(summaries.map((s) => [s.bodyCode, s])) };
}

export function evaluateBody(input: BodyInput, ctx: CampaignContext): Finding[] {
  const t = ctx.thresholds;
  const r = input.responses.filter((x) => x.at > 0);
  const own = ctx.summaries.get(input.bodyCode);
  const nat = ctx.national;
  const bodies = Math.max(1, nat.bodies);
  const forms = Math.max(1, Object.keys(nat.forms).length);
  const form = ctx.names?.form ?? ((c: string) => c);
  const group = ctx.names?.group ?? ((c: string) => c);
  const findings = [
    ...sharedDevice(r, { t, bodies, honestRate: extraPerDevice(nat, own) }),
    ...unloadedSubmits(r, { t, bodies, honestRate: restRate(nat, own, 'unloaded', 'n') }),
    ...speeders(r, { t, bodies, pace: ctx.pace, honestRate: restRate(nat, own, 'speeders', 'n') }),
    ...answerPatterns(r, { t, national: nat, tests: bodies * forms, own: own?.forms, name: form }),
    ...identicalSheets(r, ctx.sheets, { t, tests: bodies * forms, name: form }),
    ...bursts(r.length, input.activity, { t, bodies, peakShares: othersPeaks(nat, own), name: group }),
    ...forwardedLinks(input.links, { t, bodies, honestRate: restRate(nat, own, 'wide', 'opened') }),
    ...(input.list ? suspiciousLists(input.list, ctx.expectations(input.bodyCode), t, bodies) : []),
    ...respondentReports(input.reports, t),
  ];
  const order = (f: Finding) => ruleNames.indexOf(f.rule);
  return findings.sort((a, b) => order(a) - order(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Extra forms per device key elsewhere in the nation (shared office PCs). */
function extraPerDevice(nat: National, own: BodySummary | undefined): number | null {
  const devices = nat.totals.devices - (own?.devices ?? 0);
  const keyed = nat.totals.keyed - (own?.keyed ?? 0);
  return devices > 0 ? (keyed - devices) / devices : null;
}

function othersPeaks(nat: National, own: BodySummary | undefined): number[] {
  if (!own || own.n === 0) return nat.peakShares;
  const mine = own.peak / own.n;
  const i = nat.peakShares.indexOf(mine);
  return i < 0 ? nat.peakShares : [...nat.peakShares.slice(0, i), ...nat.peakShares.slice(i + 1)];
}

/** Stored answers `{ unit: { question: option } }` as one letter per question, units in code order. */
export function sheetOf(answers: unknown, questionIds: readonly string[]): string {
  if (!answers || typeof answers !== 'object') return '';
  const units = Object.keys(answers as Record<string, unknown>).sort();
  let out = '';
  for (const unit of units) {
    const a = (answers as Record<string, Record<string, unknown> | undefined>)[unit] ?? {};
    for (const q of questionIds) {
      const v = a[q];
      out += typeof v === 'string' && v.length === 1 ? v : '-';
    }
  }
  return out;
}

/** A stored response as the rules see it. */
export type StoredResponse = {
  groupCode: string;
  formCode: string;
  /** The time of the mixing batch that released the response, not of its submission. */
  submittedAt: Date;
  /** Active seconds on the form. */
  secondsSpent: number | null;
  ipHash: string | null;
  uaHash: string | null;
  netHash: string | null;
  deviceKey: string | null;
  formLoaded: boolean;
  answers: unknown;
};

export function signalOf(id: string, r: StoredResponse, questions: ReadonlyMap<string, readonly string[]>): ResponseSignal {
  return {
    id,
    groupCode: r.groupCode,
    formCode: r.formCode,
    at: r.submittedAt.getTime(),
    seconds: r.secondsSpent,
    ipHash: r.ipHash,
    uaHash: r.uaHash,
    netHash: r.netHash,
    deviceKey: r.deviceKey,
    formLoaded: r.formLoaded,
    vector: sheetOf(r.answers, questions.get(r.formCode) ?? []),
  };
}

/** Identity of a finding across runs: rule, body and the finding's own key. */
export const fingerprintOf = (bodyCode: string, f: Pick<Finding, 'rule' | 'key'>) => `${f.rule}:${bodyCode}:${f.key}`;
