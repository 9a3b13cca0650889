// The bad-link limit on a provincial office behind one shared address: one
// person guessing links must not lock out colleagues, old links are mistakes
// rather than guesses, and the count is shared by every process.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { rowsOf } from '../src/db/client.js';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';
import { linkToken, tokenHash } from '../src/modules/mail/links.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from './helpers/seed.js';
import { answerAll, formPost } from './helpers/survey.js';

const LIMIT = 10;
let t: TestApp;
let other: FastifyInstance;
let office: SeededInvitation[];

beforeAll(async () => {
  t = await createTestApp({ SURVEY_BAD_TOKEN_LIMIT: String(LIMIT) });
  other = await buildApp({ database: t.database, config: t.config, logger: false });
  await other.ready();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  office = await seedSubmittedList(t, '2023-tinh', '22', Array.from({ length: 54 }, (_, i) => ({ email: `cb${i}@quangninh.gov.vn`, group: 'hdnd', name: `Cán bộ ${i}` })));
}, 120_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const open = (app: FastifyInstance, token: string, ip: string) => app.inject({ method: 'GET', url: `/s/${token}`, remoteAddress: ip, headers: { 'user-agent': 'Mozilla/5.0' } });
const guess = () => randomBytes(32).toString('base64url');

describe('a shared-address office of 50 with one bad actor', () => {
  it('keeps every colleague’s valid link working while the guesser is refused', async () => {
    const ip = '203.0.113.60';
    const guesses: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) guesses.push((await open(t.app, guess(), ip)).statusCode);
    expect(guesses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(404));
    expect(guesses.slice(LIMIT)).toEqual(Array(5).fill(429));
    for (const colleague of office.slice(0, 50)) {
      const res = await open(t.app, colleague.token, ip);
      expect(res.statusCode, colleague.email).toBe(200);
    }
    const form = formForGroup(await t.services.campaigns.config('2023-tinh'), 'hdnd')!;
    const p = formPost({ ...answerAll(form, ['22']), action: 'submit', campaign: '2023-tinh', body: '22', group: 'hdnd' });
    const submit = await t.app.inject({ method: 'POST', url: `/s/${office[0]!.token}`, remoteAddress: ip, payload: p.payload, headers: { ...p.headers, 'user-agent': 'Mozilla/5.0' } });
    expect(submit.statusCode).toBe(200);
    expect((await open(t.app, guess(), ip)).statusCode).toBe(429);
  }, 180_000);

  it('does not count an old link after an address fix, nor a cancelled one', async () => {
    const ip = '203.0.113.61';
    const moved = office[50]!;
    const fresh = linkToken(t.config.tokenSecret, moved.invitationId, 2);
    await t.db.execute(sql`update invitations set version = 2, token_hash = ${tokenHash(fresh)} where id = ${moved.invitationId}`);
    const gone = office[51]!;
    await t.db.execute(sql`update invitations set status = 'cancelled' where id = ${gone.invitationId}`);
    for (let i = 0; i < LIMIT + 5; i++) {
      expect((await open(t.app, moved.token, ip)).statusCode).toBe(404);
      expect((await open(t.app, gone.token, ip)).statusCode).toBe(404);
    }
    expect((await open(t.app, guess(), ip)).statusCode).toBe(404);
    expect((await open(t.app, fresh, ip)).statusCode).toBe(200);
  }, 120_000);

  it('keeps one limit across processes', async () => {
    const ip = '203.0.113.62';
    for (let i = 0; i < LIMIT; i++) expect((await open(i % 2 ? t.app : other, guess(), ip)).statusCode).toBe(404);
    expect((await open(t.app, guess(), ip)).statusCode).toBe(429);
    expect((await open(other, guess(), ip)).statusCode).toBe(429);
    expect((await open(other, guess(), '203.0.113.63')).statusCode).toBe(404);
  }, 120_000);

  it('keeps no client address, only keyed hashes', async () => {
    const keys = rowsOf<{ key: string }>(await t.db.execute(sql`select key from attempt_counters`)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toMatch(/203\.0\.113/);
  });
});
