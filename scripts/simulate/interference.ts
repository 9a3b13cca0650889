// A campaign's worth of simulated answering, honest (honest.ts) and with
// planted interference (planted.ts), with the ground truth per body.
import { activityOf } from '../../src/modules/integrity/evaluate.js';
import type { OpenLinkStats } from '../../src/modules/integrity/rules/forwarded-links.js';
import type { Activity } from '../../src/modules/integrity/signals.js';
import { devicesOpened, honestResponse, makeEnv } from './honest.js';
import { plant, scenarioNames, type Scenario } from './planted.js';

export { scenarioNames, scenarios, type Scenario } from './planted.js';

export type SimResponse = {
  groupCode: string;
  formCode: string;
  /** When it was really sent (for the submit-time counters); the rules see only `submittedAt`, a batch time. */
  sentAt: number;
  submittedAt: Date;
  answers: Record<string, Record<string, string>>;
  secondsSpent: number | null;
  formLoaded: boolean;
  deviceKey: string | null;
  ipHash: string;
  netHash: string;
  uaHash: string;
};

export type SimPerson = { groupCode: string; fullName: string; email: string; phone: string };

export type SimBody = {
  code: string;
  planted: Scenario | null;
  responses: SimResponse[];
  people: SimPerson[];
  /** Devices each opened link was opened from (answered links first). */
  linkDevices: number[];
  answeredLinks: number;
  reports: { kind: 'link_used_by_other' | 'pressured' | 'other'; message: string | null }[];
  hdndSeats: number;
};

export type SimOptions = {
  seed: number;
  bodies: { code: string; hdndSeats?: number }[];
  /** Responses per body: a range, drawn per body. */
  size: [number, number];
  /** Share of bodies given one planted scenario, scenarios taken in turn. */
  plantedShare: number;
  /** Question ids per form code, and the group answering each form. */
  forms: { group: string; form: string; share: number; questions: string[]; medianSeconds: number }[];
  /** Only these scenarios are planted (default all). */
  only?: readonly Scenario[];
};

/** sfc32 seeded through splitmix32: long period, no visible clumping across bodies. */
export function simRandom(seed: number): () => number {
  let z = seed >>> 0;
  const mix = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let x = z;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  let a = mix(), b = mix(), c = mix(), d = mix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

function pickForm(random: () => number, forms: SimOptions['forms']) {
  let u = random() * forms.reduce((s, f) => s + f.share, 0);
  for (const f of forms) if ((u -= f.share) <= 0) return f;
  return forms[forms.length - 1]!;
}

export function simulateBody(opts: SimOptions, index: number, planted: Scenario | null): SimBody {
  const random = simRandom(opts.seed * 100_003 + index);
  const spec = opts.bodies[index]!;
  const n = opts.size[0] + Math.floor(random() * (opts.size[1] - opts.size[0] + 1));
  const env = makeEnv(random, spec.code, n);
  const responses = Array.from({ length: n }, () => honestResponse(env, pickForm(random, opts.forms)));
  const hdndSeats = spec.hdndSeats ?? 60;
  const listed = Math.round(n / 0.85);
  const people: SimPerson[] = Array.from({ length: listed }, (_, i) => {
    const group = i < Math.min(hdndSeats, listed * 0.15) ? 'hdnd' : pickForm(random, opts.forms).group;
    const outside = random() < 0.005;
    return { groupCode: group, fullName: `Người ${spec.code}-${i}`, email: outside ? `nguoi${i}@gmail.com` : `nguoi${i}@${spec.code}.gov.vn`, phone: `09${String(index).padStart(3, '0')}${String(i).padStart(5, '0')}` };
  });
  // Answered links, then links opened but not answered (a tenth more).
  const linkDevices = Array.from({ length: Math.round(n * 1.1) }, () => devicesOpened(random));
  const body: SimBody = { code: spec.code, planted, responses, people, linkDevices, answeredLinks: n, reports: [], hdndSeats: Math.min(hdndSeats, Math.round(listed * 0.15)) };
  if (planted) plant(planted, body, env, opts);
  body.responses.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.sentAt - b.sentAt);
  return body;
}

/** Submit-time counters per group and 10-minute bucket, as the survey keeps them. */
export const activityOfBody = (body: SimBody): Activity[] => activityOf(body.responses.map((r) => ({ at: r.sentAt, groupCode: r.groupCode })));

export function linkStatsOf(body: SimBody, minDevices: number): OpenLinkStats {
  const wide = body.linkDevices.map((d, i) => ({ d, answered: i < body.answeredLinks })).filter((x) => x.d >= minDevices);
  return { openedLinks: body.linkDevices.length, wideLinks: wide.length, unansweredWideLinks: wide.filter((x) => !x.answered).length };
}

/** Which bodies get which scenario: every k-th body, scenarios in turn. */
export function plantingPlan(opts: SimOptions): (Scenario | null)[] {
  const kinds = opts.only ?? scenarioNames;
  const every = opts.plantedShare > 0 ? Math.max(1, Math.round(1 / opts.plantedShare)) : Infinity;
  let next = opts.seed % kinds.length;
  return opts.bodies.map((_, i) => (i % every === every - 1 ? kinds[next++ % kinds.length]! : null));
}

/** Bodies one at a time, so a national-size campaign never sits in memory whole. */
export function* simulateCampaign(opts: SimOptions): Generator<SimBody> {
  const plan = plantingPlan(opts);
  for (let i = 0; i < opts.bodies.length; i++) yield simulateBody(opts, i, plan[i]!);
}
