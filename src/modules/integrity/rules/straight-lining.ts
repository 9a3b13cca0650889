// Answer patterns tested per body and form against the nation's same form:
// sheets with one option everywhere ("tick A everywhere") far more often than
// elsewhere, and a share of top answers far above the spread between bodies.
// Every body and form is one test; the probabilities are corrected for all of
// them (Bonferroni), so a province that is genuinely good stays within the
// spread while ten dictated sheets among forty do not.
import type { Thresholds } from '../thresholds.js';
import { straightLetter, TOP, type FormSummary, type National } from '../baseline.js';
import { binomialTail, corrected, groupBy, idsOf, normalTail, oddsText, scoreOf, severityOf, vn, type Finding, type ResponseSignal } from '../signals.js';
import { round } from './shared-device.js';

export type PatternContext = { t: Thresholds; national: National; tests: number; own: Record<string, FormSummary> | undefined; name: (form: string) => string };


function straight(form: string, list: readonly ResponseSignal[], ctx: PatternContext): Finding | null {
  const { t } = ctx;
  const lined = list.filter((r) => straightLetter(r.vector, t['straight.minAnswered']));
  if (lined.length < t['straight.minCount']) return null;
  const nation = ctx.national.forms[form];
  const own = ctx.own?.[form];
  const restN = (nation?.n ?? 0) - (own?.n ?? 0);
  const restShare = restN > 0 ? ((nation?.straight ?? 0) - (own?.straight ?? 0)) / restN : 0;
  const rate = Math.max(t['straight.minRate'], restShare);
  const p = corrected(binomialTail(lined.length, list.length, rate), ctx.tests);
  if (p > t.alpha) return null;
  const letters = [...new Set(lined.map((r) => straightLetter(r.vector, t['straight.minAnswered'])))].sort();
  const score = scoreOf(p);
  return {
    rule: 'straight_lining',
    key: `${form}|straight`,
    severity: severityOf(score),
    score,
    evidence: {
      summary: `${lined.length} trên ${list.length} phiếu của nhóm ${ctx.name(form)} chọn cùng một phương án cho mọi câu (${letters.map((l) => (l === TOP ? 'toàn A' : `toàn ${l}`)).join(', ')}).`,
      honest: `Trên cả nước, ${vn(100 * rate)}% phiếu cùng loại chọn cùng một phương án cho mọi câu (có người thật sự đánh giá rất tốt), tức khoảng ${vn(rate * list.length, 2)} phiếu ở đơn vị này. Xác suất gặp ${lined.length} phiếu như vậy nếu trả lời độc lập (đã tính việc kiểm tra mọi đơn vị): ${oddsText(p)}.`,
      count: lined.length,
      form,
      allTop: letters.length === 1 && letters[0] === TOP,
      expected: round(rate * list.length),
      probability: p,
      responseIds: idsOf(lined),
    },
  };
}

function shift(form: string, list: readonly ResponseSignal[], ctx: PatternContext): Finding | null {
  const { t } = ctx;
  const nation = ctx.national.forms[form];
  if (!nation || nation.bodies < t['shift.minBodies'] || list.length < t['shift.minForms']) return null;
  let answered = 0;
  let top = 0;
  for (const r of list) for (const c of r.vector) if (c !== '-') (answered++, c === TOP && top++);
  if (answered === 0) return null;
  const share = top / answered;
  const m = nation.shareMedian;
  // Between-body spread plus this body's own sampling noise: people, not answers, are the units
  // (one person's answers move together), with the spread of people's shares across the nation.
  const mean = nation.n ? nation.personShare / nation.n : m;
  const perPerson = nation.n ? Math.max(0, nation.personSq / nation.n - mean * mean) : m * (1 - m);
  const sd = Math.sqrt(nation.shareSpread ** 2 + perPerson / list.length);
  if (sd <= 0) return null;
  const z = (share - m) / sd;
  const p = corrected(normalTail(z), ctx.tests);
  if (p > t.alpha) return null;
  const score = scoreOf(p);
  return {
    rule: 'straight_lining',
    key: `${form}|shift`,
    severity: severityOf(score),
    score,
    evidence: {
      summary: `Tỷ lệ chọn phương án A trong phiếu của nhóm ${ctx.name(form)} là ${vn(100 * share)}%, cao hơn hẳn các đơn vị khác (trung vị ${vn(100 * m)}%).`,
      honest: `Các đơn vị khác nhau thật sự tốt hoặc kém khác nhau: độ chênh thông thường giữa các đơn vị là khoảng ${vn(100 * nation.shareSpread)} điểm phần trăm. Mức chênh như của đơn vị này (${vn(z, 1)} lần độ chênh) xảy ra ngẫu nhiên với xác suất ${oddsText(p)}.`,
      count: list.length,
      form,
      share: round(share),
      nationalMedian: round(m),
      spread: round(nation.shareSpread),
      probability: p,
    },
  };
}

export function answerPatterns(responses: readonly ResponseSignal[], ctx: PatternContext): Finding[] {
  const out: Finding[] = [];
  for (const [form, list] of [...groupBy(responses, (r) => r.formCode)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const f of [straight(form, list, ctx), shift(form, list, ctx)]) if (f) out.push(f);
  }
  return out;
}
