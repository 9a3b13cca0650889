// Interference planted into an otherwise honest body, one scenario each: the
// patterns the rules were built for and the ways a determined office would try
// to slip past them. Each names the rule expected to catch it.
import type { RuleName } from '../../src/modules/integrity/signals.js';
import { allTop, answerSheet, between, DAY, hex, honestResponse, MIN, START, type Env } from './honest.js';
import type { SimBody, SimOptions, SimResponse } from './interference.js';

export const scenarios = {
  one_device: 'shared_device',
  device_agent_rotation: 'shared_device',
  device_new_address: 'shared_device',
  device_slow: 'shared_device',
  script_post: 'unloaded_submit',
  open_early_click: 'speeders',
  tick_a: 'straight_lining',
  dictated_sheet: 'identical_sheets',
  meeting_burst: 'burst',
  forwarded_link: 'forwarded_link',
  padded_list: 'suspicious_list',
  empty_hdnd: 'suspicious_list',
  report_once: 'reports',
} as const satisfies Record<string, RuleName>;
export type Scenario = keyof typeof scenarios;
export const scenarioNames = Object.keys(scenarios) as Scenario[];

type Form = SimOptions['forms'][number];

/** Replaces `k` of the body's responses (spread over it) with made ones. */
function replace(body: SimBody, k: number, make: (i: number, old: SimResponse) => SimResponse, which?: (r: SimResponse) => boolean) {
  const idx = body.responses.map((r, i) => (which && !which(r) ? -1 : i)).filter((i) => i >= 0);
  for (let i = 0; i < Math.min(k, idx.length); i++) {
    const at = idx[(i * 7919) % idx.length]!;
    body.responses[at] = make(i, body.responses[at]!);
  }
}

/** One browser (its own device key) sending several people's forms, each evasion in its own variant. */
function oneBrowser(kind: Scenario, body: SimBody, env: Env, f: Form) {
  const { random } = env;
  const key = hex(random, 'dk');
  const office = env.offices[0]!;
  const k = between(random, 6, Math.max(8, Math.round(body.responses.length * 0.05)));
  const at0 = START + between(random, 1, 12) * DAY + 9 * 60 * MIN;
  replace(body, k, (i) => {
    const spacing = kind === 'device_slow' ? Math.floor(i / 4) * DAY + (i % 4) * 31 * MIN : i * 6 * MIN;
    const r = { ...honestResponse(env, f, at0 + spacing), deviceKey: key, ipHash: office.ip, netHash: office.net, uaHash: env.officeUas[0]! };
    if (kind === 'device_agent_rotation') r.uaHash = hex(random, 'ua');
    if (kind === 'device_new_address') Object.assign(r, { ipHash: hex(random, 'cgn'), netHash: hex(random, 'cgnet'), uaHash: env.phoneUas[0]! });
    return r;
  });
}

export function plant(kind: Scenario, body: SimBody, env: Env, opts: SimOptions) {
  const { random } = env;
  const n = body.responses.length;
  const f = opts.forms.reduce((a, b) => (b.share > a.share ? b : a));
  if (kind === 'one_device' || kind === 'device_agent_rotation' || kind === 'device_new_address' || kind === 'device_slow') return oneBrowser(kind, body, env, f);
  if (kind === 'script_post') {
    // Posted by a program: the page never rendered, no device cookie, no active time, a new agent each time.
    const k = Math.max(6, Math.round(n * 0.04));
    return replace(body, k, (_, old) => ({ ...old, formLoaded: false, deviceKey: null, secondsSpent: null, uaHash: hex(random, 'ua'), ipHash: hex(random, 'ip') }));
  }
  if (kind === 'open_early_click') {
    // Opened days before; clicked through later in a few seconds of activity, each in a fresh private window.
    const k = Math.max(8, Math.round(n * 0.06));
    return replace(body, k, (_, old) => ({ ...old, secondsSpent: between(random, 8, 40) }));
  }
  if (kind === 'tick_a') {
    // "Tick A everywhere" ordered to one group: ten sheets (a quarter of a larger group).
    const sizes = opts.forms.map((x) => ({ x, n: body.responses.filter((r) => r.formCode === x.form).length }));
    const target = sizes.reduce((a, b) => (Math.abs(b.n - 40) < Math.abs(a.n - 40) ? b : a));
    const k = Math.max(10, Math.round(target.n * 0.25));
    return replace(body, k, (_, old) => ({ ...old, answers: { [body.code]: allTop(target.x.questions) } }), (r) => r.formCode === target.x.form);
  }
  if (kind === 'dictated_sheet') {
    const k = Math.max(6, Math.round(n * 0.05));
    const dictated = answerSheet(random, f.questions, 0.75);
    return replace(body, k, (i, old) => {
      const sheet = { ...dictated };
      if (i % 3 === 2) sheet[f.questions[between(random, 0, f.questions.length - 1)]!] = 'C';
      return { ...old, answers: { [body.code]: sheet } };
    }, (r) => r.formCode === f.form);
  }
  if (kind === 'meeting_burst') {
    // Everyone called to a meeting and told to answer there and then.
    const at0 = START + between(random, 1, 12) * DAY + between(random, 8 * 60, 15 * 60) * MIN;
    const k = Math.round(n * (0.6 + 0.1 * random()));
    return replace(body, k, (i, old) => ({ ...old, sentAt: at0 + Math.floor((i * 20) / k) * MIN }));
  }
  if (kind === 'forwarded_link') {
    const k = Math.max(5, Math.round(body.linkDevices.length * 0.05));
    for (let i = 0; i < k; i++) body.linkDevices[(i * 7919) % body.linkDevices.length] = between(random, 5, 9);
    return;
  }
  if (kind === 'padded_list') {
    if (random() < 0.5) {
      const k = Math.round(body.people.length * (0.1 + random() * 0.2));
      for (let i = 0; i < k; i++) body.people[(i * 3) % body.people.length]!.email = `ca.nhan${i}@${['gmail.com', 'yahoo.com', 'outlook.com'][i % 3]}`;
    } else {
      const k = between(random, 3, 8);
      for (let i = 0; i < k; i++) body.people[i]!.email = `vanthu@${body.code}.gov.vn`;
    }
    return;
  }
  if (kind === 'empty_hdnd') {
    // No delegate listed at all, so none answers either.
    body.people = body.people.filter((p) => p.groupCode !== 'hdnd');
    body.responses = body.responses.filter((r) => r.groupCode !== 'hdnd');
    return;
  }
  body.reports.push({ kind: 'pressured', message: 'Trưởng phòng yêu cầu cả phòng chọn phương án A cho tất cả các câu và kiểm tra trước khi gửi.' });
}

