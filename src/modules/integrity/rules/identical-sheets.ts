// Clusters of identical or near-identical answer sheets within a body and form,
// compared with how often such a sheet arises from the body's own answer
// distribution and from the rest of the nation: many people answering alike is
// normal, the same sheet copied far more often than either predicts is not.
import type { Thresholds } from '../thresholds.js';
import { straightLetter } from '../baseline.js';
import { corrected, groupBy, idsOf, oddsText, poissonTail, scoreOf, severityOf, vn, type Finding, type ResponseSignal } from '../signals.js';
import { round } from './shared-device.js';

export type NationalSheets = {
  /** Forms per form code over the campaign. */
  formTotals: Record<string, number>;
  /** Campaign-wide count of each answer sheet that occurs more than once, keyed `form|vector`. */
  repeated: ReadonlyMap<string, number>;
};

/** Letters at which two equal-length sheets differ, stopping once past `max`. */
export function distance(a: string, b: string, max: number): number {
  let d = 0;
  for (let i = 0; i < a.length && d <= max; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) d++;
  return d + Math.abs(a.length - b.length);
}

/** Per-position answer frequencies, smoothed so an unseen answer is rare, not impossible. */
export function marginals(vectors: readonly string[]): (letter: string, position: number) => number {
  const len = vectors.reduce((m, v) => Math.max(m, v.length), 0);
  const counts = new Int32Array(len * 128);
  const kinds = new Int32Array(len);
  for (const v of vectors) {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i) & 127;
      const at = i * 128 + c;
      if (counts[at] === 0) kinds[i] = kinds[i]! + 1;
      counts[at] = counts[at]! + 1;
    }
  }
  const n = vectors.length;
  return (letter, i) => {
    const c = i < len ? counts[i * 128 + (letter.charCodeAt(0) & 127)]! : 0;
    return (c + 0.5) / (n + 0.5 * ((i < len ? kinds[i]! : 0) + 1));
  };
}

type Distinct = { vector: string; members: ResponseSignal[] };

/**
 * Under the answer frequencies, how many sheets within one answer of `center`
 * to expect per sheet two or three answers away (Poisson-binomial counts).
 */
export function nearToHalo(center: string, p: (letter: string, i: number) => number): number {
  let dist = [1, 0, 0, 0];
  for (let i = 0; i < center.length; i++) {
    const same = p(center[i]!, i);
    dist = dist.map((v, k) => v * same + (k > 0 ? dist[k - 1]! * (1 - same) : 0));
  }
  const halo = dist[2]! + dist[3]!;
  return halo > 0 ? (dist[0]! + dist[1]!) / halo : 0;
}

/**
 * Pairs of distinct sheets one answer apart. Cut each sheet in three parts: two
 * sheets one answer apart agree exactly on two of the parts, so they meet in one
 * of three buckets keyed by a pair of parts, and only bucket mates are compared.
 */
function neighbours(distinct: readonly Distinct[], maxDistance: number): Map<string, Distinct[]> {
  const out = new Map<string, Distinct[]>(distinct.map((d) => [d.vector, [] as Distinct[]]));
  if (maxDistance < 1 || distinct.length < 2) return out;
  const buckets = new Map<string, Distinct[]>();
  for (const d of distinct) {
    const v = d.vector;
    const a = Math.floor(v.length / 3);
    const b = Math.floor((2 * v.length) / 3);
    const [p0, p1, p2] = [v.slice(0, a), v.slice(a, b), v.slice(b)];
    for (const key of [`${v.length}|0|${p1}|${p2}`, `${v.length}|1|${p0}|${p2}`, `${v.length}|2|${p0}|${p1}`]) {
      const list = buckets.get(key);
      if (list) list.push(d);
      else buckets.set(key, [d]);
    }
  }
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (distance(list[x]!.vector, list[y]!.vector, 1) !== 1) continue;
        out.get(list[x]!.vector)!.push(list[y]!);
        out.get(list[y]!.vector)!.push(list[x]!);
      }
    }
  }
  return out;
}

export type SheetContext = { t: Thresholds; tests: number; name: (form: string) => string };

/** Straight-lined sheets are left to the straight-lining rule, which compares them with the nation. */
export function identicalSheets(responses: readonly ResponseSignal[], national: NationalSheets, ctx: SheetContext): Finding[] {
  const { t } = ctx;
  const findings: Finding[] = [];
  const maxDistance = Math.min(1, t['identical.maxDistance']);
  for (const [form, list] of [...groupBy(responses, (r) => r.formCode)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length < t['identical.minCluster']) continue;
    const n = list.length;
    const p = marginals(list.map((r) => r.vector));
    const distinct = [...groupBy(list, (r) => r.vector)].map(([vector, members]) => ({ vector, members }));
    const near = neighbours(distinct, maxDistance);
    const balls = new Map(distinct.map((d) => [d, d.members.length + near.get(d.vector)!.reduce((s, x) => s + x.members.length, 0)]));
    const ball = (d: Distinct) => balls.get(d)!;
    const candidates = distinct.filter((d) => ball(d) >= t['identical.minCluster']).sort((a, b) => ball(b) - ball(a) || b.members.length - a.members.length || (a.vector < b.vector ? -1 : 1));
    const taken = new Set<string>();
    const nationTotal = national.formTotals[form] ?? n;
    for (const center of candidates) {
      if (taken.has(center.vector) || center.members.length < t['identical.minIdentical'] || straightLetter(center.vector, t['straight.minAnswered'])) continue;
      const around = near.get(center.vector)!.filter((d) => !taken.has(d.vector));
      const members = [...center.members, ...around.flatMap((d) => d.members)];
      if (members.length < t['identical.minCluster']) continue;
      let exact = 1;
      let spread = 1;
      for (let i = 0; i < center.vector.length; i++) {
        const pi = p(center.vector[i]!, i);
        exact *= pi;
        if (maxDistance >= 1) spread += (1 - pi) / pi;
      }
      const elsewhere = Math.max(0, (national.repeated.get(`${form}|${center.vector}`) ?? center.members.length) - center.members.length);
      const nationRate = nationTotal > n ? elsewhere / (nationTotal - n) : 0;
      // People who answer alike without copying also leave sheets two or three answers away (a halo).
      const inCluster = new Set(members);
      const halo = list.filter((r) => !inCluster.has(r) && distance(r.vector, center.vector, 3) <= 3).length;
      const haloRate = halo * nearToHalo(center.vector, p);
      const lambda = Math.max(n * exact * spread, n * nationRate * spread, haloRate, 0.05);
      const prob = corrected(poissonTail(members.length, lambda), ctx.tests);
      if (prob > t.alpha) continue;
      taken.add(center.vector);
      around.forEach((d) => taken.add(d.vector));
      const score = scoreOf(prob);
      const answered = center.vector.replace(/-/g, '');
      const allTop = answered.length > 0 && /^A+$/.test(answered);
      findings.push({
        rule: 'identical_sheets',
        key: `${form}|${center.vector}`,
        severity: severityOf(score),
        score,
        evidence: {
          summary: `${members.length} phiếu của nhóm ${ctx.name(form)} giống hệt nhau hoặc chỉ khác nhau ${maxDistance} câu (${center.members.length} phiếu giống hệt)${allTop ? ', tất cả chọn phương án cao nhất' : ''}.`,
          honest: `Người có cùng nhận xét trả lời gần giống nhau; theo cách trả lời ở chính đơn vị và trên cả nước, chỉ kỳ vọng khoảng ${vn(lambda, 2)} phiếu như vậy. Xác suất gặp ${members.length} phiếu (đã tính việc kiểm tra mọi đơn vị): ${oddsText(prob)}.`,
          count: members.length,
          identical: center.members.length,
          form,
          allTop,
          sheet: center.vector,
          expected: round(lambda, 4),
          probability: prob,
          elsewhereInNation: elsewhere,
          responseIds: idsOf(members),
        },
      });
    }
  }
  return findings;
}
