// The national and body pages reopen a submitted list through the roster
// capability's `reopen`; here the pages are assembled with a stand-in that
// records the call and unlocks the list, to check the page side of the hook.
import fastifyRateLimit from '@fastify/rate-limit';
import { and, eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignBodies } from '../src/db/schema/index.js';
import { accountsPages } from '../src/modules/accounts/accounts.pages.js';
import { progressPages, type ListReopener } from '../src/modules/progress/progress.pages.js';
import { accessPlugin } from '../src/plugins/access.js';
import { authPlugin } from '../src/plugins/auth.js';
import { errorsPlugin } from '../src/plugins/errors.js';
import { pagesPlugin } from '../src/web/pages.plugin.js';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin } from './helpers/pages.js';
import { seedSubmittedList } from './helpers/seed.js';

let t: TestApp;
let app: FastifyInstance;
const calls: { campaignId: string; bodyCode: string; actor: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  await seedSubmittedList(t, '2023-tinh', '22', [{ email: 'a@quangninh.gov.vn', group: 'hdnd' }]);
  const lists: ListReopener = {
    async reopen(input) {
      calls.push(input);
      await t.db.update(campaignBodies).set({ listState: 'draft' }).where(and(eq(campaignBodies.campaignId, input.campaignId), eq(campaignBodies.code, input.bodyCode)));
    },
  };
  app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(authPlugin, { secret: t.config.jwtSecret, secureCookies: false, accounts: t.services.accounts });
  await app.register(accessPlugin, { db: t.db });
  await app.register(pagesPlugin, { cache: false, secure: false });
  await app.register(accountsPages, { accounts: t.services.accounts });
  await app.register(progressPages, { progress: t.services.progress, campaigns: t.services.campaigns, lists });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('reopening a list from the progress pages', () => {
  it('offers MOHA the action on submitted lists only, and calls the roster with who asked', async () => {
    const moha = await pageLogin(app, 'moha');
    const national = await moha.get('/c/2023-tinh/national');
    expect(national.body).toContain('action="/c/2023-tinh/b/22/reopen-list"');
    expect(national.body).not.toContain('action="/c/2023-tinh/b/01/reopen-list"');
    const res = await moha.post('/c/2023-tinh/b/22/reopen-list', { _csrf: csrfFrom(national.body) });
    expect(res.status).toBe(303);
    expect(calls).toEqual([{ campaignId: '2023-tinh', bodyCode: '22', actor: 'moha' }]);
    const after = await moha.get(res.location!);
    expect(after.body).toContain('Đã mở lại danh sách');
    expect(after.body).not.toContain('reopen-list');
  });

  it('refuses a body officer and a form without its CSRF token', async () => {
    const officer = await pageLogin(app, 'qn');
    const own = await officer.get('/c/2023-tinh/b/22');
    expect(own.body).not.toContain('reopen-list');
    expect((await officer.post('/c/2023-tinh/b/22/reopen-list', { _csrf: csrfFrom(own.body) })).status).toBe(403);
    const moha = await pageLogin(app, 'moha');
    expect((await moha.post('/c/2023-tinh/b/22/reopen-list', {})).status).toBe(403);
    expect(calls).toHaveLength(1);
  });
});
