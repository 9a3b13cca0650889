// Scores detection against the simulator's ground truth: per planted scenario,
// the share of planted bodies flagged by the rule meant to catch it; of honest
// bodies, the share flagged by any statistical rule (and, apart, by a report).
// Evaluates simulated bodies in memory with the same two passes the service
// makes: every body's summary for the national baseline, then the rules.
import { evaluateBody, signalOf, summaryOf, withNational, type BodyInput } from '../../src/modules/integrity/evaluate.js';
import { median, type Finding, type RuleName } from '../../src/modules/integrity/signals.js';
import { resolveThresholds, type Thresholds } from '../../src/modules/integrity/thresholds.js';
import { activityOfBody, linkStatsOf, scenarioNames, scenarios, type Scenario, type SimBody, type SimOptions } from './interference.js';

export type Outcome = { code: string; planted: Scenario | null; rules: Set<RuleName> };

export type ScenarioRate = { scenario: Scenario; rule: RuleName; planted: number; detected: number; recall: number | null };

export function rates(outcomes: readonly Outcome[]) {
  const honest = outcomes.filter((o) => o.planted === null);
  const perScenario: ScenarioRate[] = scenarioNames.map((scenario) => {
    const rule = scenarios[scenario];
    const planted = outcomes.filter((o) => o.planted === scenario);
    const detected = planted.filter((o) => o.rules.has(rule)).length;
    return { scenario, rule, planted: planted.length, detected, recall: planted.length ? detected / planted.length : null };
  });
  const statistical = (o: Outcome) => [...o.rules].some((r) => r !== 'reports');
  const planted = outcomes.filter((o) => o.planted !== null);
  const perRule = [...new Set(honest.flatMap((o) => [...o.rules]))].sort().map((rule) => ({ rule, flagged: honest.filter((o) => o.rules.has(rule)).length }));
  return {
    perScenario,
    perRule,
    honest: honest.length,
    honestFlagged: honest.filter(statistical).length,
    honestFlaggedShare: honest.length ? honest.filter(statistical).length / honest.length : 0,
    honestReported: honest.filter((o) => o.rules.has('reports')).length,
    recall: planted.length ? planted.filter((o) => o.rules.has(scenarios[o.planted!])).length / planted.length : 1,
  };
}

export function inputOf(body: SimBody, questions: Map<string, string[]>, t: Thresholds): BodyInput {
  return {
    bodyCode: body.code,
    responses: body.responses.map((r, i) => signalOf(`${body.code}-${String(i).padStart(6, '0')}`, r, questions)),
    activity: activityOfBody(body),
    list: listStatsOf(body),
    links: linkStatsOf(body, t['forwarded.minDevices']),
    reports: body.reports.map((r) => ({ kind: r.kind, message: r.message })),
  };
}

/** Evaluates simulated bodies in memory with the campaign-wide context computed from all of them. */
export function evaluateSimulated(bodies: readonly SimBody[], opts: SimOptions, officialDomains = ['gov.vn']): { outcomes: Outcome[]; findings: Map<string, Finding[]> } {
  const thresholds = resolveThresholds();
  const questions = new Map(opts.forms.map((f) => [f.form, f.questions]));
  const inputs = bodies.map((b) => inputOf(b, questions, thresholds));
  const all = inputs.flatMap((i) => i.responses);
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
  const pace = { medianSeconds, speederShare };
  const seats = new Map(bodies.map((b) => [b.code, b.hdndSeats]));
  const ctx = withNational(
    { thresholds, pace, sheets: { formTotals, repeated }, expectations: (code) => ({ officialDomains, hdndSeats: seats.get(code), hdndGroup: 'hdnd' }) },
    inputs.map((i) => summaryOf(i, pace, thresholds)),
  );
  const findings = new Map<string, Finding[]>();
  const outcomes = bodies.map((b, i) => {
    const f = evaluateBody(inputs[i]!, ctx);
    findings.set(b.code, f);
    return { code: b.code, planted: b.planted, rules: new Set(f.map((x) => x.rule)) };
  });
  return { outcomes, findings };
}

function listStatsOf(b: SimBody) {
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
