import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList } from './helpers/seed.js';
import { answerAll, countRows, formPost } from './helpers/survey.js';

let t: TestApp;
const C = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  const config = await t.services.campaigns.config(C);
  const people = await seedSubmittedList(t, C, '22', Array.from({ length: 3 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd' })));
  for (const p of people) {
    await t.app.inject({ method: 'GET', url: `/s/${p.token}` });
    const { headers, payload } = formPost({ ...answerAll(formForGroup(config, p.group)!, ['22']), action: 'submit' });
    expect((await t.app.inject({ method: 'POST', url: `/s/${p.token}`, headers, payload })).statusCode).toBe(200);
  }
  await addUser(t, 'moha', 'admin');
});
afterAll(() => t?.close());

describe('sealing right after the response deadline, before the mixing job has run', () => {
  it('mixes what waits in the ballot box into the seal instead of failing', async () => {
    expect(await countRows(t.db, 'ballot_box')).toBe(3);
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '2 minutes', response_deadline = now() - interval '1 minute' where id = ${C}`);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${C}/scores/seal`, headers: bearer(await login(t.app, 'moha')) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, responses: 3 });
    expect(await countRows(t.db, 'ballot_box')).toBe(0);
  });
});
