import { sql } from 'drizzle-orm';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';
import { ratedUnits } from '../src/modules/survey/questionnaire.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from './helpers/seed.js';
import { answerAll, formPost } from './helpers/survey.js';

let t: TestApp;
let people: SeededInvitation[];
const CAMPAIGN = '2025-noi-bo';

beforeAll(async () => {
  t = await createTestApp();
  await t.services.campaigns.create({ preset: '2025-province-internal', id: CAMPAIGN, listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  people = await seedSubmittedList(t, CAMPAIGN, '22', [{ email: 'daibieu@quangninh.gov.vn', group: 'hdnd' }]);
});
afterAll(() => t?.close());

describe('a form that rates several units in one grid', () => {
  it('asks each question for every unit and stores the answers per unit', async () => {
    const config = await t.services.campaigns.config(CAMPAIGN);
    const form = formForGroup(config, 'hdnd')!;
    const units = ratedUnits(config, form, { code: '22', name: '' }).map((u) => u.code);
    expect(units.length).toBeGreaterThan(1);
    const token = people[0]!.token;
    const page = await t.app.inject({ method: 'GET', url: `/s/${token}` });
    expect(page.statusCode).toBe(200);
    for (const unit of units) expect(page.body).toContain(`name="${unit}:${form.sections[0]!.questions[0]!.id}"`);
    const gz = await t.app.inject({ method: 'GET', url: `/s/${token}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(60 * 1024);
    // The same page but for its idempotency key, fresh on every rendering.
    const sameButKey = (html: string) => html.replace(/name="submission" value="[^"]*"/, '');
    expect(sameButKey(gunzipSync(gz.rawPayload).toString())).toBe(sameButKey(page.body));

    const all = answerAll(form, units);
    const lastUnit = units[units.length - 1]!;
    const lastQuestion = form.sections.at(-1)!.questions.at(-1)!;
    const { [`${lastUnit}:${lastQuestion.id}`]: _left, ...partial } = all;
    const incomplete = await t.app.inject({ method: 'POST', url: `/s/${token}`, ...formPost({ ...partial, action: 'submit' }) });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain(`href="#f-${lastUnit}-${lastQuestion.id}"`);

    const res = await t.app.inject({ method: 'POST', url: `/s/${token}`, ...formPost({ ...all, action: 'submit' }) });
    expect(res.statusCode).toBe(200);
    await t.services.mixer.run({ final: true });
    const [row] = rowsOf<{ answers: unknown }>(await t.db.execute(sql`select answers from responses`));
    const answers = (typeof row!.answers === 'string' ? JSON.parse(row!.answers) : row!.answers) as Record<string, Record<string, string>>;
    expect(Object.keys(answers).sort()).toEqual([...units].sort());
    expect(answers[lastUnit]![lastQuestion.id]).toBe(all[`${lastUnit}:${lastQuestion.id}`]);
  });
});
