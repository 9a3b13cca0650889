// What the interference rules look at and what they answer: one submitted
// form's signals (never who sent it), a finding with evidence a reviewer can
// read, and the small statistics the rules share (Poisson tails, windows).

export type Severity = 'low' | 'medium' | 'high';

/** One submitted form, as the rules see it: times in ms, device and network as hashes. */
export type ResponseSignal = {
  id: string;
  groupCode: string;
  formCode: string;
  at: number;
  seconds: number | null;
  ipHash: string | null;
  uaHash: string | null;
  netHash: string | null;
  /** Keyed hash of the browser's device cookie, null when the browser sent none. */
  deviceKey: string | null;
  /** The form page was loaded for the link before the submission. */
  formLoaded: boolean;
  /** Answers flattened to one letter per question ("-" unanswered), in a fixed order per form. */
  vector: string;
};

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

export const ruleNames = ['shared_device', 'speeders', 'identical_sheets', 'burst', 'forwarded_link', 'suspicious_list', 'reports'] as const;
export type RuleName = (typeof ruleNames)[number];

/** Evidence lists at most this many response ids; the count says how many there were. */
export const MAX_IDS = 200;

export const deviceOf = (r: Pick<ResponseSignal, 'ipHash' | 'uaHash'>): string | null => (r.ipHash && r.uaHash ? `${r.ipHash}.${r.uaHash}` : null);

/** A short, readable form of a device hash for evidence. */
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

/** A score 0..1 from a tail probability: 1e-6 → 0.5, 1e-12 → 1. */
export const scoreOf = (p: number) => Math.max(0, Math.min(1, -Math.log10(Math.max(p, 1e-300)) / 12));

export function severityOf(score: number): Severity {
  return score >= 0.9 ? 'high' : score >= 0.6 ? 'medium' : 'low';
}

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
