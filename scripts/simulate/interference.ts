// A campaign's worth of simulated answering, honest and with planted
// interference, with the ground truth. Honest behaviour: departments answer
// from their office network (many people behind one address, a few common
// browsers), others from phones behind carrier addresses or from home; pace
// follows office hours, decays over the round and jumps after reminders;
// answers follow each person's attitude. Planted bodies carry one pattern each.
import type { RuleName } from '../../src/modules/integrity/signals.js';

export const plantedKinds = ['shared_device', 'speeders', 'identical_sheets', 'burst', 'forwarded_link', 'suspicious_list', 'reports'] as const satisfies readonly RuleName[];
export type PlantedKind = (typeof plantedKinds)[number];

export type SimResponse = {
  groupCode: string;
  formCode: string;
  submittedAt: Date;
  answers: Record<string, Record<string, string>>;
  secondsSpent: number;
  ipHash: string;
  netHash: string;
  uaHash: string;
  deviceKey: string | null;
  formLoaded: boolean;
  devicesSeen: number;
};

export type SimPerson = { groupCode: string; fullName: string; email: string; phone: string };

export type SimBody = {
  code: string;
  planted: PlantedKind | null;
  responses: SimResponse[];
  people: SimPerson[];
  reports: { kind: 'link_used_by_other' | 'pressured' | 'other' }[];
  hdndSeats: number;
};

export type SimOptions = {
  seed: number;
  bodies: { code: string; hdndSeats?: number }[];
  /** Responses per body: a range, drawn per body. */
  size: [number, number];
  /** Share of bodies given one planted pattern, kinds taken in turn. */
  plantedShare: number;
  /** Question ids per form code, and the group answering each form. */
  forms: { group: string; form: string; share: number; questions: string[]; medianSeconds: number }[];
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

const START = Date.parse('2023-12-18T00:00:00+07:00');
const DAY = 86_400_000;
const MIN = 60_000;
const OFFICE_UAS = 8;
const PHONE_UAS = 40;

const hex = (random: () => number, prefix: string) => `${prefix}${Math.floor(random() * 2 ** 48).toString(16).padStart(12, '0')}`;

function normal(random: () => number) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Office browsers are few and skewed (one image on every PC); phones vary more. */
function weightedIndex(random: () => number, n: number, skew: number) {
  return Math.min(n - 1, Math.floor(n * random() ** skew));
}

function honestTime(random: () => number): number {
  // Most answers in the first days, more after the reminders on day 7 and day 18.
  for (;;) {
    const day = Math.floor(random() * 24);
    const weight = Math.exp(-day / 8) + (day === 7 || day === 18 ? 1.2 : 0) + (day === 8 || day === 19 ? 0.5 : 0);
    const weekend = new Date(START + day * DAY).getUTCDay() % 6 === 0 ? 0.3 : 1;
    if (random() > (weight * weekend) / 2.2) continue;
    const evening = random() < 0.15;
    const hour = evening ? 19 + random() * 4 : 7.5 + random() * 9.5;
    return START + day * DAY + Math.floor(hour * 60) * MIN;
  }
}

function answerSheet(random: () => number, questions: string[], attitude: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const u = random();
    const pA = attitude;
    out[q] = u < pA ? 'A' : u < pA + (1 - pA) * 0.55 ? 'B' : u < pA + (1 - pA) * 0.8 ? 'C' : u < pA + (1 - pA) * 0.93 ? 'D' : 'K';
  }
  return out;
}

type Env = { random: () => number; offices: { ip: string; net: string }[]; carriers: { ip: string; net: string }[]; officeUas: string[]; phoneUas: string[] };

function honestResponse(env: Env, code: string, f: SimOptions['forms'][number], at = honestTime(env.random)): SimResponse {
  const { random } = env;
  const where = random();
  let ip: string;
  let net: string;
  let ua: string;
  if (where < 0.6) {
    const office = env.offices[Math.floor(random() * env.offices.length)]!;
    ({ ip, net } = office);
    ua = env.officeUas[weightedIndex(random, OFFICE_UAS, 2)]!;
  } else if (where < 0.85) {
    const carrier = env.carriers[Math.floor(random() * env.carriers.length)]!;
    ({ ip, net } = carrier);
    ua = env.phoneUas[weightedIndex(random, PHONE_UAS, 1.5)]!;
  } else {
    ip = hex(random, 'home');
    net = hex(random, 'hnet');
    ua = env.phoneUas[weightedIndex(random, PHONE_UAS, 1.2)]!;
  }
  const attitude = Math.min(0.92, Math.max(0.1, 0.5 + 0.18 * normal(random)));
  const d = random();
  return {
    groupCode: f.group,
    formCode: f.form,
    submittedAt: new Date(at),
    answers: { [code]: answerSheet(random, f.questions, attitude) },
    secondsSpent: Math.max(45, Math.round(f.medianSeconds * Math.exp(0.45 * normal(random)))),
    ipHash: ip,
    netHash: net,
    uaHash: ua,
    deviceKey: null,
    formLoaded: true,
    devicesSeen: d < 0.7 ? 1 : d < 0.95 ? 2 : 3,
  };
}

function pickForm(random: () => number, forms: SimOptions['forms']) {
  let u = random() * forms.reduce((s, f) => s + f.share, 0);
  for (const f of forms) if ((u -= f.share) <= 0) return f;
  return forms[forms.length - 1]!;
}

function between(random: () => number, lo: number, hi: number) {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** Replaces part of an honest body's responses with one planted pattern. */
function plant(kind: PlantedKind, body: SimBody, env: Env, opts: SimOptions) {
  const { random } = env;
  const n = body.responses.length;
  const replace = (k: number, make: (i: number) => SimResponse) => {
    for (let i = 0; i < k; i++) body.responses[(i * 7919) % n] = make(i);
  };
  const at0 = START + between(random, 1, 15) * DAY + between(random, 8 * 60, 15 * 60) * MIN;
  const office = env.offices[0]!;
  const f = opts.forms.reduce((a, b) => (b.share > a.share ? b : a));
  if (kind === 'shared_device') {
    // One officer fills in colleagues' forms on an office PC with the most common browser.
    const k = between(random, 8, 15);
    const span = between(random, 30, 100);
    replace(k, (i) => ({ ...honestResponse(env, body.code, f, at0 + Math.floor((i * span) / k) * MIN), ipHash: office.ip, netHash: office.net, uaHash: env.officeUas[0]! }));
  } else if (kind === 'speeders') {
    const k = between(random, 6, 12);
    const ua = env.officeUas[between(random, 0, 2)]!;
    replace(k, (i) => ({ ...honestResponse(env, body.code, f, at0 + i * between(random, 2, 12) * MIN), ipHash: office.ip, netHash: office.net, uaHash: ua, secondsSpent: between(random, 40, Math.floor(f.medianSeconds / 4)) }));
  } else if (kind === 'identical_sheets') {
    const k = between(random, 10, 25);
    const dictated = answerSheet(random, f.questions, 0.75);
    replace(k, (i) => {
      const r = honestResponse(env, body.code, f, at0 + between(random, 0, 4 * 24 * 60) * MIN);
      const sheet = { ...dictated };
      if (i % 3 === 2) sheet[f.questions[between(random, 0, f.questions.length - 1)]!] = 'C';
      return { ...r, answers: { [body.code]: sheet } };
    });
  } else if (kind === 'burst') {
    // A meeting: a room of people answering together on their phones over the meeting-room network.
    const k = Math.max(25, Math.round(n * (0.03 + random() * 0.03)));
    const span = between(random, 15, 30);
    replace(k, (i) => ({ ...honestResponse(env, body.code, f, at0 + Math.floor((i * span) / k) * MIN), ipHash: office.ip, netHash: office.net }));
  } else if (kind === 'forwarded_link') {
    const k = between(random, 1, 5);
    replace(k, () => ({ ...honestResponse(env, body.code, f), devicesSeen: between(random, 5, 9) }));
  } else if (kind === 'suspicious_list') {
    const variant = between(random, 0, 2);
    if (variant === 0) {
      const k = Math.round(body.people.length * (0.1 + random() * 0.2));
      for (let i = 0; i < k; i++) body.people[i * 3 % body.people.length]!.email = `ca.nhan${i}@${['gmail.com', 'yahoo.com', 'outlook.com'][i % 3]}`;
    } else if (variant === 1) {
      const k = between(random, 3, 8);
      for (let i = 0; i < k; i++) body.people[i]!.email = `vanthu@${body.code}.gov.vn`;
    } else {
      const keep = Math.floor(body.hdndSeats * (0.3 + random() * 0.3));
      let seen = 0;
      body.people = body.people.filter((p) => p.groupCode !== 'hdnd' || seen++ < keep);
    }
  } else if (kind === 'reports') {
    const k = between(random, 2, 6);
    body.reports.push(...Array.from({ length: k }, (_, i) => ({ kind: i % 2 ? ('pressured' as const) : ('link_used_by_other' as const) })));
  }
}

export function simulateBody(opts: SimOptions, index: number, planted: PlantedKind | null): SimBody {
  const random = simRandom(opts.seed * 100_003 + index);
  const spec = opts.bodies[index]!;
  const n = between(random, opts.size[0], opts.size[1]);
  const env: Env = {
    random,
    offices: Array.from({ length: Math.max(3, Math.round(n / 60)) }, () => ({ ip: hex(random, 'oip'), net: hex(random, 'onet') })),
    carriers: Array.from({ length: 6 }, () => ({ ip: hex(random, 'cip'), net: hex(random, 'cnet') })),
    officeUas: Array.from({ length: OFFICE_UAS }, () => hex(random, 'oua')),
    phoneUas: Array.from({ length: PHONE_UAS }, () => hex(random, 'pua')),
  };
  const responses = Array.from({ length: n }, () => honestResponse(env, spec.code, pickForm(random, opts.forms)));
  const hdndSeats = spec.hdndSeats ?? 60;
  const listed = Math.round(n / 0.85);
  const people: SimPerson[] = Array.from({ length: listed }, (_, i) => {
    const group = i < hdndSeats ? 'hdnd' : pickForm(random, opts.forms).group;
    const outside = random() < 0.005;
    return { groupCode: group, fullName: `Người ${spec.code}-${i}`, email: outside ? `nguoi${i}@gmail.com` : `nguoi${i}@${spec.code}.gov.vn`, phone: `09${String(index).padStart(3, '0')}${String(i).padStart(5, '0')}` };
  });
  const body: SimBody = { code: spec.code, planted, responses, people, reports: random() < 0.05 ? [{ kind: 'other' }] : [], hdndSeats };
  if (planted) plant(planted, body, env, opts);
  body.responses.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return body;
}

/** Which bodies get which planted pattern: every k-th body, kinds in turn. */
export function plantingPlan(opts: SimOptions): (PlantedKind | null)[] {
  const every = opts.plantedShare > 0 ? Math.max(1, Math.round(1 / opts.plantedShare)) : Infinity;
  let next = 0;
  return opts.bodies.map((_, i) => (i % every === every - 1 ? plantedKinds[next++ % plantedKinds.length]! : null));
}

/** Bodies one at a time, so a national-size campaign never sits in memory whole. */
export function* simulateCampaign(opts: SimOptions): Generator<SimBody> {
  const plan = plantingPlan(opts);
  for (let i = 0; i < opts.bodies.length; i++) yield simulateBody(opts, i, plan[i]!);
}
