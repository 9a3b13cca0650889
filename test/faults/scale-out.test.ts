// Several processes on one PostgreSQL and nothing in front of them: two
// `serve` instances, each with its own mail sender, share the work without a
// duplicate send, accept submissions on either port, and show the same totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { startCountingSink, type CountingSink } from '../../scripts/bench/lib/sink.js';
import { seedSubmittedList } from '../helpers/seed.js';
import { TEST_PASSWORD, testConfig, type TestApp } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { submitOnce, type Attempt } from './helpers/respondents.js';
import { eventually, migratedDatabase, SECRETS, spawnServe, type ServeChild } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
let database: Database;
let t: TestApp;
let sink: CountingSink;
const serves: ServeChild[] = [];

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  database = openPostgres(url, 4);
  const config = testConfig({ DATABASE_URL: url, ...SECRETS });
  t = { db: database.db, config, services: createServices({ database, config }) } as unknown as TestApp;
  await t.services.campaigns.create({ preset: '2023-province', id: '2023-tinh', bodies: ['01', '22'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  await t.services.accounts.createUser({ username: 'moha', role: 'admin', password: TEST_PASSWORD }, 'test');
  sink = await startCountingSink();
});
afterAll(async () => {
  for (const s of serves) await s.kill();
  await sink?.close();
  await database?.close();
  await pg?.destroy();
});

async function totals(base: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'moha', password: TEST_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${base}/api/v1/campaigns/2023-tinh/progress`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { totals: Record<string, number> }).totals;
}

describe('two serve processes on one PostgreSQL', () => {
  it('send every invitation exactly once between them and agree on the totals', async () => {
    const people = Array.from({ length: 240 }, (_, i) => ({ email: `nguoi.${i}@hanoi.gov.vn`, group: ['hdnd', 'lanh_dao_so'][i % 2]! }));
    const links = await seedSubmittedList(t, '2023-tinh', '01', people);
    const env = { DATABASE_URL: url, SENDER: 'on', SMTP_URL: sink.url, MAIL_RATE: '200', MAIL_CONCURRENCY: '2' };
    serves.push(await spawnServe(env), await spawnServe(env));

    await eventually(async () => sink.unique() >= links.length, 90_000, 200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sink.unique()).toBe(links.length);
    expect(sink.duplicates()).toBe(0);

    const attempts: Attempt[] = [];
    await Promise.all(
      links.slice(0, 80).map(async (l, i) => attempts.push(await submitOnce(() => serves[i % 2]!.base, l.token, { invitationId: l.invitationId, outcome: 'pending', statuses: [] }, 10_000))),
    );
    expect(attempts.filter((a) => a.outcome !== 'acknowledged')).toEqual([]);

    const [a, b] = [await totals(serves[0]!.base), await totals(serves[1]!.base)];
    expect(a).toEqual(b);
    expect(a.invited).toBe(links.length);
    expect(a.completed).toBe(80);
  });
});
