// What the interference rules look at and what they answer: one submitted
// form's signals (never who sent it), a finding with evidence a reviewer can
// read, and the small statistics the rules share (Poisson tails, windows).

export type Severity = 'low' | 'medium' | 'high';

/** One submitted form, as the rules see it: device and network as keyed hashes, never who sent it. */
export type ResponseSignal = {
  id: string;
  groupCode: string;
  formCode: string;
  /** Coarse: when the response was released into the answers (a batch), not the minute it was sent. */
  at: number;
  /** Active seconds on the form (visible and in use, over all page loads); null when unknown. */
  seconds: number | null;
  /** The form page of this link was rendered at least once before the submit. */
  formLoaded: boolean;
  ipHash: string | null;
  uaHash: string | null;
  netHash: string | null;
  /** Keyed hash of the browser's own device cookie (one per browser, not per link). */
  deviceKey: string | null;
  /** Answers flattened to one letter per question ("-" unanswered), in a fixed order per form. */
  vector: string;
};

/** Submissions counted at submit time per group and 10-minute bucket (`at` = bucket start, ms). */
export type Activity = { at: number; groupCode: string; count: number };

export type Finding = {
  rule: RuleName;
  /** Stable within the body: the same data gives the same key. */
  key: string;
  severity: Severity;
  /** 0..1, how strongly the data departs from the honest pattern. */
  score: number;
  evidence: Evidence;
};

export type Evidence = {
  summary: string;
  count: number;
  responseIds?: string[];
  window?: { from: string; to: string };
  devices?: string[];
  [extra: string]: unknown;
};

export const ruleNames = ['shared_device', 'unloaded_submit', 'speeders', 'straight_lining', 'identical_sheets', 'burst', 'forwarded_link', 'suspicious_list', 'reports'] as const;
export type RuleName = (typeof ruleNames)[number];

/** Evidence lists at most this many response ids; the count says how many there were. */
export const MAX_IDS = 200;

/** A short, readable form of a hash for evidence. */
export const shortDevice = (device: string) => device.split('.').map((h) => h.slice(0, 8)).join('·');

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}

/** P(X >= k) for X ~ Poisson(lambda), summed in log space so it stays exact in the far tail. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let sum = 0;
  for (let i = k; i < k + 2000; i++) {
    const term = Math.exp(-lambda + i * Math.log(lambda) - logFactorial(i));
    sum += term;
    if (i > lambda && term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}

/** P(X >= k) for X ~ Binomial(n, p), exact in log space (n is a body's forms, small). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
    sum += term;
    if (i > n * p && term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}

/** P(Z >= z) for a standard normal Z (Abramowitz–Stegun 7.1.26 on erfc, relative error < 1e-7). */
export function normalTail(z: number): number {
  if (z < 0) return 1 - normalTail(-z);
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 0.5 * poly * Math.exp(-x * x);
}

/** A score 0..1 from a corrected tail probability: 1e-4 → 0.33, 1e-12 → 1. */
export const scoreOf = (p: number) => Math.max(0, Math.min(1, -Math.log10(Math.max(p, 1e-300)) / 12));

/** Severity from the probability after the correction for testing every body. */
export function severityOf(score: number): Severity {
  return score >= 0.75 ? 'high' : score >= 0.5 ? 'medium' : 'low';
}

/** "1 trên 3,4 triệu": a small probability as a reviewer reads it. */
export function oddsText(p: number): string {
  if (p >= 0.01) return `${Math.round(p * 100)}%`;
  const n = 1 / Math.max(p, 1e-300);
  if (n >= 1e12) return '1 trên hơn một nghìn tỷ';
  const [div, unit] = n >= 1e9 ? [1e9, ' tỷ'] : n >= 1e6 ? [1e6, ' triệu'] : n >= 1e3 ? [1e3, ' nghìn'] : [1, ''];
  return `1 trên ${(n / div).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}${unit}`;
}

/** A number as a Vietnamese reader writes it: 1.234,5. */
export const vn = (n: number, digits = 1) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/** A probability corrected for testing `tests` bodies or groups at once (Bonferroni). */
export const corrected = (p: number, tests: number) => Math.min(1, p * Math.max(1, tests));

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * The densest non-overlapping windows over items sorted by time: the fullest
 * window of `windowMs` is taken first, then the fullest that does not overlap
 * it, and so on while windows hold at least `min` items. Returned in time order.
 */
export function denseWindows<T extends { at: number }>(sorted: readonly T[], windowMs: number, min: number): T[][] {
  const ends: number[] = [];
  for (let i = 0, j = 0; i < sorted.length; i++) {
    j = Math.max(j, i);
    while (j + 1 < sorted.length && sorted[j + 1]!.at - sorted[i]!.at <= windowMs) j++;
    ends.push(j);
  }
  const starts = ends.map((_, i) => i).filter((i) => ends[i]! - i + 1 >= min);
  starts.sort((a, b) => ends[b]! - b - (ends[a]! - a) || a - b);
  const taken: [number, number][] = [];
  for (const i of starts) {
    const j = ends[i]!;
    if (taken.some(([a, b]) => i <= b && j >= a)) continue;
    taken.push([i, j]);
  }
  return taken.sort((x, y) => x[0] - y[0]).map(([i, j]) => sorted.slice(i, j + 1));
}

export const windowOf = (items: readonly { at: number }[]) => ({
  from: new Date(items[0]!.at).toISOString(),
  to: new Date(items[items.length - 1]!.at).toISOString(),
});

export const idsOf = (items: readonly { id: string }[]) => items.slice(0, MAX_IDS).map((r) => r.id).sort();

export const byTime = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | null): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
