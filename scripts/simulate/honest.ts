// The honest model, calibrated on how government offices really answer: a
// department sits behind one NAT address and one standard browser image, phones
// share a few carrier NAT addresses, some people open their link on several
// devices, a shared office PC now and then sends two forms, keen offices answer
// in one morning, genuinely good bodies exist, and 4% of people tick the top
// answer everywhere because that is what they think.
import type { SimOptions, SimResponse } from './interference.js';

export const START = Date.parse('2023-12-18T00:00:00+07:00');
export const DAY = 86_400_000;
export const MIN = 60_000;
const OFFICE_UAS = 6;
const PHONE_UAS = 40;
/** Released into the answers in batches: the rules see no finer time than this. */
export const BATCH = 3 * 3_600_000;

export type Env = {
  random: () => number;
  code: string;
  offices: { ip: string; net: string; sharedPc: string }[];
  carriers: { ip: string; net: string }[];
  officeUas: string[];
  phoneUas: string[];
  /** The body's genuine quality: shifts everyone's attitude. */
  quality: number;
  /** A keen body answers half its forms in one morning hour. */
  keenAt: number | null;
  seq: number;
};

export const hex = (random: () => number, prefix: string) => `${prefix}${Math.floor(random() * 2 ** 48).toString(16).padStart(12, '0')}`;

export function normal(random: () => number) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function between(random: () => number, lo: number, hi: number) {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** Office browsers are few and skewed (one image on every PC); phones vary more. */
function weightedIndex(random: () => number, n: number, skew: number) {
  return Math.min(n - 1, Math.floor(n * random() ** skew));
}

export function makeEnv(random: () => number, code: string, n: number): Env {
  const keen = random() < 0.15;
  return {
    random,
    code,
    offices: Array.from({ length: Math.max(2, Math.round(n / 60)) }, () => ({ ip: hex(random, 'oip'), net: hex(random, 'onet'), sharedPc: hex(random, 'pc') })),
    carriers: Array.from({ length: 4 }, () => ({ ip: hex(random, 'cip'), net: hex(random, 'cnet') })),
    officeUas: Array.from({ length: OFFICE_UAS }, () => hex(random, 'oua')),
    phoneUas: Array.from({ length: PHONE_UAS }, () => hex(random, 'pua')),
    quality: 0.07 * normal(random),
    keenAt: keen ? START + between(random, 0, 3) * DAY + between(random, 8 * 60, 10 * 60) * MIN : null,
    seq: 0,
  };
}

export function honestTime(env: Env): number {
  const { random } = env;
  if (env.keenAt !== null && random() < 0.5) return env.keenAt + Math.floor(random() * 60) * MIN;
  // Most answers in the first days, more after the reminders on day 7 and day 18.
  for (;;) {
    const day = Math.floor(random() * 24);
    const weight = Math.exp(-day / 8) + (day === 7 || day === 18 ? 1.2 : 0) + (day === 8 || day === 19 ? 0.5 : 0);
    const weekend = new Date(START + day * DAY).getUTCDay() % 6 === 0 ? 0.3 : 1;
    if (random() > (weight * weekend) / 2.2) continue;
    const hour = random() < 0.15 ? 19 + random() * 4 : 7.5 + random() * 9.5;
    return START + day * DAY + Math.floor(hour * 60) * MIN;
  }
}

export function answerSheet(random: () => number, questions: readonly string[], attitude: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const u = random();
    const pA = attitude;
    out[q] = u < pA ? 'A' : u < pA + (1 - pA) * 0.55 ? 'B' : u < pA + (1 - pA) * 0.8 ? 'C' : u < pA + (1 - pA) * 0.93 ? 'D' : 'K';
  }
  return out;
}

export const allTop = (questions: readonly string[]) => Object.fromEntries(questions.map((q) => [q, 'A']));

/** Devices one person opens the link on: mail app, phone, home, office; rarely a fifth. */
export function devicesOpened(random: () => number): number {
  const u = random();
  return u < 0.6 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : u < 0.997 ? 4 : 5;
}

export function honestResponse(env: Env, f: SimOptions['forms'][number], at = honestTime(env)): SimResponse {
  const { random } = env;
  const where = random();
  let ip: string, net: string, ua: string;
  let deviceKey = hex(random, 'dk');
  if (where < 0.6) {
    const office = env.offices[Math.floor(random() * env.offices.length)]!;
    ({ ip, net } = office);
    ua = env.officeUas[weightedIndex(random, OFFICE_UAS, 3)]!;
    if (random() < 0.02) deviceKey = office.sharedPc;
  } else if (where < 0.85) {
    const carrier = env.carriers[Math.floor(random() * env.carriers.length)]!;
    ({ ip, net } = carrier);
    ua = env.phoneUas[weightedIndex(random, PHONE_UAS, 1.5)]!;
  } else {
    ip = hex(random, 'home');
    net = hex(random, 'hnet');
    ua = env.phoneUas[weightedIndex(random, PHONE_UAS, 1.2)]!;
  }
  const genuineTop = random() < 0.04;
  const attitude = Math.min(0.95, Math.max(0.1, 0.5 + env.quality + 0.18 * normal(random)));
  const fastClicker = random() < 0.005;
  const seconds = fastClicker ? Math.round(f.medianSeconds * (0.12 + 0.12 * random())) : Math.max(45, Math.round(f.medianSeconds * Math.exp(0.45 * normal(random))));
  return {
    groupCode: f.group,
    formCode: f.form,
    sentAt: at,
    submittedAt: new Date(Math.floor(at / BATCH) * BATCH + BATCH),
    answers: { [env.code]: genuineTop ? allTop(f.questions) : answerSheet(random, f.questions, attitude) },
    secondsSpent: seconds,
    formLoaded: random() >= 0.0003,
    deviceKey,
    ipHash: ip,
    netHash: net,
    uaHash: ua,
  };
}
