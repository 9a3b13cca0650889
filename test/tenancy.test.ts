// Walks every registered route as an officer of another body: a route that
// forgets the guard, or a new route added without one, fails this suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/plugins/access.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';

let t: TestApp;
let hanoi: string;

beforeAll(async () => {
  t = await createTestApp();
  // Hà Nội (01) takes part in the shared campaign only; Quảng Ninh (22) in both.
  await seedProvinceCampaign(t, { id: 'chung', bodies: ['01', '22'] });
  await seedProvinceCampaign(t, { id: 'rieng', bodies: ['22'] });
  await addUser(t, 'hanoi', 'body', '01');
  hanoi = await login(t.app, 'hanoi');
});
afterAll(() => t?.close());

const guarded = (access: Access): access is Exclude<Access, string> => Array.isArray(access);

function fill(url: string, campaign: string, body: string) {
  return url
    .replace(':campaign', campaign)
    .replace(':body', body)
    .replace(/:id\b/, '00000000-0000-4000-8000-000000000000')
    .replace(/:(\w+)/g, 'x');
}

describe('tenancy', () => {
  it('has guarded routes to walk', () => {
    expect(t.app.routeCatalog.filter((r) => guarded(r.access)).length).toBeGreaterThan(5);
  });

  it("refuses every body-scoped route of another body (404) and every campaign it is not part of", async () => {
    const checked: string[] = [];
    for (const route of t.app.routeCatalog) {
      if (route.method === 'HEAD' || !guarded(route.access)) continue;
      const targets: string[] = [];
      if (route.url.includes(':body')) targets.push(fill(route.url, 'chung', '22'));
      if (route.url.includes(':campaign')) targets.push(fill(route.url, 'rieng', '22'), fill(route.url, 'rieng', '01'));
      if (!route.url.includes(':campaign') && !route.access.includes('body')) targets.push(fill(route.url, 'chung', '22'));
      for (const url of targets) {
        const res = await t.app.inject({ method: route.method as 'GET', url, headers: bearer(hanoi), payload: route.method === 'GET' ? undefined : {} });
        expect.soft([403, 404], `${route.method} ${url} answered ${res.statusCode}`).toContain(res.statusCode);
        checked.push(`${route.method} ${url}`);
      }
    }
    expect(checked.length).toBeGreaterThan(5);
  });

  it("keeps an officer out of MOHA's account pages and other accounts' actions", async () => {
    const someone = '00000000-0000-4000-8000-000000000000';
    const own = (await t.services.accounts.listUsers()).find((u) => u.username === 'hanoi')!.id;
    const posts = ['/admin/accounts', '/admin/accounts/bulk', `/admin/accounts/${someone}/reset`, `/admin/accounts/${own}/reset`, `/admin/accounts/${someone}/disable`, `/admin/accounts/${someone}/enable`];
    for (const url of posts) {
      const res = await t.app.inject({ method: 'POST', url, headers: bearer(hanoi), payload: { confirm: 'yes', campaign: 'chung', format: 'csv' } });
      expect.soft([403, 404], `POST ${url} answered ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await t.app.inject({ method: 'GET', url: '/admin/accounts', headers: bearer(hanoi) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(hanoi) })).statusCode).toBe(403);
  });

  it('lets the officer reach their own body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/chung/bodies/01', headers: bearer(hanoi) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '01', name: 'Thành phố Hà Nội' });
  });

  it('lists only the campaigns that include the officer’s body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: bearer(hanoi) });
    expect(res.json().map((c: { id: string }) => c.id)).toEqual(['chung']);
  });

  it('refuses to start a route that declares no access', async () => {
    const { default: Fastify } = await import('fastify');
    const { accessPlugin } = await import('../src/plugins/access.js');
    const { authPlugin } = await import('../src/plugins/auth.js');
    const app = Fastify();
    await app.register(authPlugin, { secret: 's'.repeat(40), secureCookies: false, accounts: t.services.accounts });
    await app.register(accessPlugin, { db: t.db });
    expect(() => app.get('/api/v1/unguarded', async () => 'open')).toThrow(/does not declare config.access/);
    await app.close();
  });
});
