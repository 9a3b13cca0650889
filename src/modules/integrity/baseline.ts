// The honest model's national side: each body is summarised once (forms, device
// keys, unloaded submits, speeders, straight-lined sheets, answer shares, its
// busiest half hour, links opened widely), and every rule compares a body with
// the rest of the nation, leaving the body itself out so it cannot hide in its
// own numbers. Medians and spreads across bodies keep a few interfering bodies
// from moving the baseline much.
import { isSpeeder, type GroupPace } from './rules/speeders.js';
import type { OpenLinkStats } from './rules/forwarded-links.js';
import { median, type Activity, type ResponseSignal } from './signals.js';
import type { Thresholds } from './thresholds.js';

/** Per form: sheets, straight-lined sheets, answers, top answers, and the sum and sum of squares of each person's top share. */
export type FormSummary = { n: number; straight: number; answered: number; top: number; personShare: number; personSq: number };

export type BodySummary = {
  bodyCode: string;
  n: number;
  keyed: number;
  devices: number;
  unloaded: number;
  speeders: number;
  /** Forms in the body's busiest burst window. */
  peak: number;
  opened: number;
  wide: number;
  forms: Record<string, FormSummary>;
};

type Totals = Omit<BodySummary, 'bodyCode' | 'forms'>;
const totalKeys = ['n', 'keyed', 'devices', 'unloaded', 'speeders', 'peak', 'opened', 'wide'] as const;

export type National = {
  bodies: number;
  totals: Totals;
  forms: Record<string, FormSummary & { shareMedian: number; shareSpread: number; bodies: number }>;
  /** Busiest-window share per body, sorted. */
  peakShares: number[];
};

/** The top answer ("A", the best rating): what a dictated sheet asks for. */
export const TOP = 'A';

/** Answered letters all the same option, with enough answers for it to mean something. */
export function straightLetter(vector: string, minAnswered: number): string | null {
  const answered = vector.replace(/-/g, '');
  if (answered.length < minAnswered) return null;
  return /^(.)\1*$/.test(answered) ? answered[0]! : null;
}

/** Forms in the densest window of `minutes` over the per-bucket counts. */
export function peakOf(activity: readonly Activity[], minutes: number): number {
  const perBucket = new Map<number, number>();
  for (const a of activity) perBucket.set(a.at, (perBucket.get(a.at) ?? 0) + a.count);
  const starts = [...perBucket.keys()].sort((a, b) => a - b);
  let best = 0;
  for (const s of starts) {
    let sum = 0;
    for (const [at, n] of perBucket) if (at >= s && at < s + minutes * 60_000) sum += n;
    best = Math.max(best, sum);
  }
  return best;
}

export function summarize(bodyCode: string, responses: readonly ResponseSignal[], activity: readonly Activity[], links: OpenLinkStats, pace: GroupPace, t: Thresholds): BodySummary {
  const forms: Record<string, FormSummary> = {};
  for (const r of responses) {
    const f = (forms[r.formCode] ??= { n: 0, straight: 0, answered: 0, top: 0, personShare: 0, personSq: 0 });
    f.n++;
    if (straightLetter(r.vector, t['straight.minAnswered'])) f.straight++;
    let answered = 0;
    let top = 0;
    for (const c of r.vector) if (c !== '-') (answered++, c === TOP && top++);
    f.answered += answered;
    f.top += top;
    const share = answered ? top / answered : 0;
    f.personShare += share;
    f.personSq += share * share;
  }
  const keys = responses.map((r) => r.deviceKey).filter((k): k is string => k !== null);
  return {
    bodyCode,
    n: responses.length,
    keyed: keys.length,
    devices: new Set(keys).size,
    unloaded: responses.filter((r) => !r.formLoaded).length,
    speeders: responses.filter((r) => isSpeeder(r, pace, t['speeders.ratio'])).length,
    peak: peakOf(activity, t['burst.windowMinutes']),
    opened: links.openedLinks ?? 0,
    wide: links.wideLinks ?? links.unansweredWideLinks,
    forms,
  };
}

/** Robust spread: median absolute deviation scaled to a standard deviation. */
const spreadOf = (values: readonly number[], mid: number) => 1.4826 * (median(values.map((v) => Math.abs(v - mid))) ?? 0);

export function nationalOf(summaries: readonly BodySummary[], t: Thresholds): National {
  const totals = Object.fromEntries(totalKeys.map((k) => [k, summaries.reduce((s, b) => s + b[k], 0)])) as Totals;
  const forms: National['forms'] = {};
  const codes = new Set(summaries.flatMap((b) => Object.keys(b.forms)));
  for (const code of codes) {
    const own = summaries.map((b) => b.forms[code]).filter((f): f is FormSummary => !!f);
    const shares = own.filter((f) => f.n >= t['shift.minForms'] && f.answered > 0).map((f) => f.top / f.answered);
    const mid = median(shares) ?? 0;
    forms[code] = {
      n: own.reduce((s, f) => s + f.n, 0),
      straight: own.reduce((s, f) => s + f.straight, 0),
      answered: own.reduce((s, f) => s + f.answered, 0),
      top: own.reduce((s, f) => s + f.top, 0),
      personShare: own.reduce((s, f) => s + f.personShare, 0),
      personSq: own.reduce((s, f) => s + f.personSq, 0),
      shareMedian: mid,
      shareSpread: spreadOf(shares, mid),
      bodies: shares.length,
    };
  }
  const peakShares = summaries.filter((b) => b.n > 0).map((b) => b.peak / b.n).sort((a, b) => a - b);
  return { bodies: summaries.length, totals, forms, peakShares };
}

/** A rate over the rest of the nation: the body's own numbers left out. */
export function restRate(national: National, own: BodySummary | undefined, part: keyof Totals, whole: keyof Totals): number | null {
  const num = national.totals[part] - (own?.[part] ?? 0);
  const den = national.totals[whole] - (own?.[whole] ?? 0);
  return den > 0 ? num / den : null;
}
