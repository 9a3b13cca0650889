// Scores detection against the simulator's ground truth: per planted kind, the
// share of planted bodies its rule flagged; per rule, the share of honest
// bodies it flagged. Also evaluates simulated bodies in memory, computing the
// campaign-wide context the service gets from SQL, for tests over many bodies.
import { evaluateBody, signalOf, type CampaignContext } from '../../src/modules/integrity/evaluate.js';

import { median, type Finding, type ResponseSignal, type RuleName } from '../../src/modules/integrity/signals.js';
import { resolveThresholds } from '../../src/modules/integrity/thresholds.js';
import { plantedKinds, type PlantedKind, type SimBody, type SimOptions } from './interference.js';

export type Outcome = { code: string; planted: PlantedKind | null; rules: Set<RuleName> };

export type RuleRates = { rule: RuleName; planted: number; detected: number; detectionRate: number | null; honest: number; falsePositives: number; falsePositiveRate: number };

export function rates(outcomes: readonly Outcome[]): { perRule: RuleRates[]; detectionRate: number; falsePositiveRate: number } {
  const honest = outcomes.filter((o) => o.planted === null);
  const perRule = plantedKinds.map((rule) => {
    const planted = outcomes.filter((o) => o.planted === rule);
    const detected = planted.filter((o) => o.rules.has(rule)).length;
    const falsePositives = honest.filter((o) => o.rules.has(rule)).length;
    return {
      rule,
      planted: planted.length,
      detected,
      detectionRate: planted.length ? detected / planted.length : null,
      honest: honest.length,
      falsePositives,
      falsePositiveRate: honest.length ? falsePositives / honest.length : 0,
    };
  });
  const planted = outcomes.filter((o) => o.planted !== null);
  return {
    perRule,
    detectionRate: planted.length ? planted.filter((o) => o.rules.has(o.planted!)).length / planted.length : 1,
    falsePositiveRate: honest.length ? honest.filter((o) => o.rules.size > 0).length / honest.length : 0,
  };
}

export function signalsOf(body: SimBody, questions: Map<string, string[]>): ResponseSignal[] {
  return body.responses.map((r, i) => signalOf(`${body.code}-${String(i).padStart(6, '0')}`, r, questions));
}

/** Evaluates simulated bodies in memory with the campaign-wide context computed from all of them. */
export function evaluateSimulated(bodies: readonly SimBody[], opts: SimOptions, officialDomains = ['gov.vn']): { outcomes: Outcome[]; findings: Map<string, Finding[]> } {
  const thresholds = resolveThresholds();
  const questions = new Map(opts.forms.map((f) => [f.form, f.questions]));
  const signals = new Map(bodies.map((b) => [b.code, signalsOf(b, questions)]));
  const all = [...signals.values()].flat();
  const medianSeconds: Record<string, number> = {};
  const speederShare: Record<string, number> = {};
  for (const f of opts.forms) {
    const secs = all.filter((r) => r.groupCode === f.group && r.seconds !== null).map((r) => r.seconds!);
    const m = median(secs) ?? 0;
    medianSeconds[f.group] = m;
    speederShare[f.group] = secs.length ? secs.filter((s) => s < m * thresholds['speeders.ratio']).length / secs.length : 0;
  }
  const repeated = new Map<string, number>();
  const formTotals: Record<string, number> = {};
  for (const r of all) {
    const key = `${r.formCode}|${r.vector}`;
    repeated.set(key, (repeated.get(key) ?? 0) + 1);
    formTotals[r.formCode] = (formTotals[r.formCode] ?? 0) + 1;
  }
  const ctx: CampaignContext = {
    thresholds,
    pace: { medianSeconds, speederShare },
    sheets: { formTotals, repeated },
    expectations: (code) => ({ officialDomains, hdndSeats: bodies.find((b) => b.code === code)?.hdndSeats, hdndGroup: 'hdnd' }),
  };
  const findings = new Map<string, Finding[]>();
  const outcomes = bodies.map((b) => {
    const f = evaluateBody({ bodyCode: b.code, responses: signals.get(b.code)!, list: listStatsOf(b, officialDomains), links: { unansweredWideLinks: wideLinksOf(b, thresholds['forwarded.minDevices']) }, reports: countKinds(b) }, ctx);
    findings.set(b.code, f);
    return { code: b.code, planted: b.planted, rules: new Set(f.map((x) => x.rule)) };
  });
  return { outcomes, findings };
}

function countKinds(b: SimBody) {
  const out: Record<string, number> = {};
  for (const r of b.reports) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

function listStatsOf(b: SimBody, _official: string[]) {
  const domains: Record<string, number> = {};
  const groups: Record<string, number> = {};
  const names = new Map<string, Set<string>>();
  const phones = new Map<string, Set<string>>();
  for (const p of b.people) {
    const d = p.email.split('@')[1]!;
    domains[d] = (domains[d] ?? 0) + 1;
    groups[p.groupCode] = (groups[p.groupCode] ?? 0) + 1;
    (names.get(p.email) ?? names.set(p.email, new Set()).get(p.email)!).add(p.fullName);
    (phones.get(p.phone) ?? phones.set(p.phone, new Set()).get(p.phone)!).add(p.fullName);
  }
  return {
    listed: b.people.length,
    domains,
    groups,
    sharedMailboxes: [...names.values()].filter((s) => s.size > 1).map((s) => s.size),
    sharedPhones: [...phones.values()].filter((s) => s.size > 1).map((s) => s.size),
    changedAfterInvitation: 0,
  };
}

/** The 2023 province forms, as the simulator needs them. */
export function provinceForms(config: { groups: { code: string; form: string }[]; forms: { code: string; sections: { questions: { id: string }[] }[] }[] }): SimOptions['forms'] {
  const shares: Record<string, number> = { hdnd: 0.15, lanh_dao_so: 0.2, lanh_dao_phong: 0.5, lanh_dao_huyen: 0.15 };
  const medians: Record<string, number> = { hdnd: 780, lanh_dao_so: 660, lanh_dao_phong: 720, lanh_dao_huyen: 690 };
  return config.groups.map((g) => ({
    group: g.code,
    form: g.form,
    share: shares[g.code] ?? 0.25,
    medianSeconds: medians[g.code] ?? 700,
    questions: config.forms.find((f) => f.code === g.form)!.sections.flatMap((s) => s.questions.map((q) => q.id)),
  }));
}

/** Links opened from many devices, counted per body on the invitation side: responses carry no device count. */
function wideLinksOf(body: { responses: readonly { devicesSeen: number }[] }, min: number): number {
  return body.responses.filter((r) => r.devicesSeen >= min).length;
}
