// Runs every rule over one body's signals and returns its findings in a fixed
// order, so the same data always gives the same flags. Also turns stored
// answers into the flat answer sheets the identical-sheet rule compares.
import { bursts } from './rules/bursts.js';
import { forwardedLinks, type OpenLinkStats } from './rules/forwarded-links.js';
import { identicalSheets, type NationalSheets } from './rules/identical-sheets.js';
import { respondentReports } from './rules/reports.js';
import { sharedDevice } from './rules/shared-device.js';
import { speeders, type GroupPace } from './rules/speeders.js';
import { suspiciousLists, type ListExpectations, type ListStats } from './rules/suspicious-lists.js';
import { ruleNames, type Finding, type ResponseSignal } from './signals.js';
import type { Thresholds } from './thresholds.js';

export type BodyInput = {
  bodyCode: string;
  responses: ResponseSignal[];
  list: ListStats | null;
  links: OpenLinkStats;
  reports: Record<string, number>;
};

export type CampaignContext = {
  thresholds: Thresholds;
  pace: GroupPace;
  sheets: NationalSheets;
  expectations: (bodyCode: string) => ListExpectations;
};

export function evaluateBody(input: BodyInput, ctx: CampaignContext): Finding[] {
  const t = ctx.thresholds;
  const r = input.responses.filter((x) => x.at > 0);
  const findings = [
    ...sharedDevice(r, t),
    ...speeders(r, ctx.pace, t),
    ...identicalSheets(r, ctx.sheets, t),
    ...bursts(r, t),
    ...forwardedLinks(r, input.links, t),
    ...(input.list ? suspiciousLists(input.list, ctx.expectations(input.bodyCode), t) : []),
    ...respondentReports(input.reports, t),
  ];
  const order = (f: Finding) => ruleNames.indexOf(f.rule);
  return findings.sort((a, b) => order(a) - order(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
