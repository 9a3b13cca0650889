// A campaign run through the real submit path (HTTP through app.inject) with
// the service's own log lines captured, for the linkage-attack suite.
import { Writable } from 'node:stream';
import { formForGroup } from '../../src/modules/campaigns/campaign-config.js';
import { addUser, createTestApp, login, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from '../helpers/seed.js';
import { answerAll, formPost } from '../helpers/survey.js';

export const CAMPAIGN = '2023-tinh';

export type LoggedApp = TestApp & { lines: string[] };

export async function createLoggedApp(): Promise<LoggedApp> {
  const lines: string[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      const text = partial + String(chunk);
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.length > 0));
      done();
    },
  });
  return { ...(await createTestApp({ LOG_LEVEL: 'info' }, { level: 'info', stream })), lines };
}

/** Cells of unequal size, one smaller than k: body 22 has three groups, body 01 one. */
export const cells: { body: string; group: string; size: number }[] = [
  { body: '22', group: 'hdnd', size: 7 },
  { body: '22', group: 'lanh_dao_so', size: 11 },
  { body: '22', group: 'lanh_dao_phong', size: 3 },
  { body: '01', group: 'hdnd', size: 6 },
];

export type Person = SeededInvitation & { body: string; ip: string; fields: Record<string, string> };

/** A deterministic shuffle, so a failure can be replayed. */
export function shuffle<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function seedPeople(t: TestApp): Promise<Person[]> {
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  const config = await t.services.campaigns.config(CAMPAIGN);
  const people: Person[] = [];
  let n = 0;
  for (const body of ['22', '01']) {
    const list = cells.filter((c) => c.body === body).flatMap((c) => Array.from({ length: c.size }, (_, i) => ({ email: `${c.group}.${i}@b${body}.gov.vn`, group: c.group, name: `Người ${c.group} ${i}` })));
    for (const p of await seedSubmittedList(t, CAMPAIGN, body, list)) {
      const form = formForGroup(config, p.group)!;
      const index = n++;
      // The first six answers spell the person's number in base 4, so every sheet is unique.
      const fields = answerAll(form, [body], (j) => (j < 6 ? Math.floor(index / 4 ** j) % 4 : j % 4));
      people.push({ ...p, body, ip: `203.0.113.${10 + index}`, fields });
    }
  }
  return people;
}

export const bodyOfficer = async (t: TestApp, body: string) => {
  await addUser(t, `canbo${body}`, 'body', body);
  return login(t.app, `canbo${body}`);
};

const agents = ['Mozilla/5.0 (Windows NT 10.0) Chrome/130', 'Mozilla/5.0 (Android 14) Chrome/130 Mobile', 'Mozilla/5.0 (iPhone) Safari/17'];

/** Opens the link on one to three devices, then submits from the last one; returns the thank-you status. */
export async function answer(t: TestApp, p: Person, devices: number): Promise<number> {
  let cookie: string | undefined;
  for (let d = 0; d < devices; d++) {
    const res = await t.app.inject({ method: 'GET', url: `/s/${p.token}`, remoteAddress: d === 0 ? p.ip : `198.51.100.${d}`, headers: { 'user-agent': agents[d]! } });
    if (res.statusCode !== 200) throw new Error(`form ${res.statusCode}`);
    const set = res.headers['set-cookie'];
    cookie = (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(';')[0]).join('; ') || undefined;
  }
  const post = formPost({ ...p.fields, action: 'submit', js: '1', campaign: CAMPAIGN, body: p.body, group: p.group });
  const last = devices - 1;
  const res = await t.app.inject({
    method: 'POST',
    url: `/s/${p.token}`,
    remoteAddress: last === 0 ? p.ip : `198.51.100.${last}`,
    payload: post.payload,
    headers: { ...post.headers, 'user-agent': agents[last]!, ...(cookie ? { cookie } : {}) },
  });
  return res.statusCode;
}
