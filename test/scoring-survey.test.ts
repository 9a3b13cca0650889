// From the questionnaire to the index calculator: answers posted through the
// survey links come out of the score export as the scheme says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';
import { scoreExportSchema } from '../src/modules/scoring/scoring.schemas.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList } from './helpers/seed.js';
import { answerAll, formPost } from './helpers/survey.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  const config = await t.services.campaigns.config('2023-tinh');
  const people = await seedSubmittedList(t, '2023-tinh', '22', [
    ...Array.from({ length: 5 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd' })),
    ...Array.from({ length: 5 }, (_, i) => ({ email: `so${i}@quangninh.gov.vn`, group: 'lanh_dao_so' })),
  ]);
  for (const p of people) {
    // Delegates answer A (option 0) everywhere, department heads C (option 2).
    const fields = answerAll(formForGroup(config, p.group)!, ['22'], () => (p.group === 'hdnd' ? 0 : 2));
    await t.app.inject({ method: 'GET', url: `/s/${p.token}` });
    const { headers, payload } = formPost({ ...fields, action: 'submit' });
    const res = await t.app.inject({ method: 'POST', url: `/s/${p.token}`, headers, payload });
    expect(res.statusCode).toBe(200);
  }
  // The deadline's mixing releases what waits in the ballot box.
  await t.services.mixer.run({ final: true });
  await addUser(t, 'tinhdiem', 'scoring');
});
afterAll(() => t?.close());

describe('scores from submitted questionnaires', () => {
  it('turns the answers into points per sub-criterion and a total', async () => {
    // Every sub-criterion on both forms: M_k × (1 + 0.2)/2 = 0.6 M_k over 37 points = 22.2;
    // 5.2 (1.5 points, not on the delegates' form): 1.5 × 0.2 = 0.3. Total 22.50 = 58.44 % of 38.5.
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/2023-tinh/scores?format=json', headers: bearer(await login(t.app, 'tinhdiem')) });
    const doc = scoreExportSchema.parse(res.json());
    expect(doc.units.find((u) => u.unitCode === '22')).toMatchObject({ points: '22.50', percentage: '58.44', responded: 10, unscored: 0 });
    expect(doc.subCriterionRows.find((s) => s.unitCode === '22' && s.subCriterion === '5.2')).toMatchObject({ points: '0.30', groupsUsed: 1 });
    expect(doc.groupRows.find((g) => g.unitCode === '22' && g.subCriterion === '1.1' && g.groupCode === 'hdnd')).toMatchObject({ invited: 5, responded: 5, valid: 5, meanWeight: '1.0000' });
    expect(doc.units.find((u) => u.unitCode === '01')).toMatchObject({ points: null, status: 'insufficient', responded: 0, unscored: 24 });
    expect(doc).toMatchObject({ responsesUsed: 10, ignoredAnswers: 0 });
  });
});
