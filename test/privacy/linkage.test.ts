// The linkage-attack suite: a campaign answered through the real submit path
// while an attacker polls the database and the body's progress after every
// submission, then every inference is run. No response may be narrowed to
// fewer than min(5, completed in its cell) people. The control at the end runs
// the same attacks on a deliberately linkable table, so the suite can fail.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { bearer } from '../helpers/app.js';
import { Candidates, copiedColumns, exposures, fieldsKey, orderPairing, polling, sheetKey, snapshot, systemColumns, timeWindows, type Snapshot } from './attacks.js';
import { answer, bodyOfficer, CAMPAIGN, createLoggedApp, seedPeople, shuffle, type LoggedApp, type Person } from './campaign.js';

let t: LoggedApp;
let people: Person[];
const snapshots: Snapshot[] = [];
const truth = new Map<string, string>();
let progressTimes: string[] = [];

const mix = (final: boolean) => t.services.mixer.run({ final });

beforeAll(async () => {
  t = await createLoggedApp();
  people = await seedPeople(t);
  const officers = { '22': await bodyOfficer(t, '22'), '01': await bodyOfficer(t, '01') };
  const completed = new Set<string>();
  const byRespondent = new Map(people.map((p) => [p.respondentId, p.invitationId]));
  const poll = async () => {
    for (const [body, token] of Object.entries(officers)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${CAMPAIGN}/bodies/${body}/respondents?limit=1000`, headers: bearer(token) });
      for (const row of (res.json() as { rows: { respondentId: string; status: string }[] }).rows) if (row.status === 'completed') completed.add(byRespondent.get(row.respondentId)!);
      const progress = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${CAMPAIGN}/progress`, headers: bearer(token) });
      const { generatedAt: _at, ...report } = progress.json() as Record<string, unknown>;
      progressTimes.push(...(JSON.stringify(report).match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g) ?? []));
    }
    snapshots.push(await snapshot(t.db, completed));
  };
  await poll();
  for (const [n, p] of shuffle(people).entries()) {
    expect(await answer(t, p, (n % 3) + 1)).toBe(200);
    await mix(false);
    await poll();
  }
  await mix(true);
  await poll();
  const sender = new Map(people.map((p) => [fieldsKey(p.fields), p.invitationId]));
  for (const r of snapshots.at(-1)!.responses) truth.set(r.id, sender.get(sheetKey(r.answers))!);
}, 600_000);
afterAll(() => t?.close());

const final = () => snapshots.at(-1)!;

describe('a campaign answered through the submit path', () => {
  it('stores every answer once and releases all of them by the deadline', () => {
    expect(final().responses).toHaveLength(people.length);
    expect(new Set(truth.values()).size).toBe(people.length);
    expect(final().box).toHaveLength(0);
  });

  it('links no response to a person through xmin or xmax, at any moment of the campaign', () => {
    const c = new Candidates();
    for (const s of snapshots) systemColumns(s, c);
    expect(exposures(final(), c, truth)).toEqual([]);
  });

  it('copies no invitation counter (such as devices seen) onto the response', () => {
    const c = new Candidates();
    for (const s of snapshots) copiedColumns(s, c);
    expect(exposures(final(), c, truth)).toEqual([]);
  });

  it('leaves no time window per cell, from either side, narrower than the batch', () => {
    const c = new Candidates();
    for (const s of snapshots) timeWindows(s, c);
    expect(exposures(final(), c, truth)).toEqual([]);
  });

  it('tells a poller of the database and of the body progress nothing finer than a batch', () => {
    const c = new Candidates();
    const owners = new Map<string, string>();
    for (let i = 1; i < snapshots.length; i++) polling(snapshots[i - 1]!, snapshots[i]!, c, owners);
    for (const s of snapshots) systemColumns(s, c);
    expect(exposures(final(), c, truth)).toEqual([]);
  });

  it('pairs responses and invitations by row order (xmin, ctid) no better than chance', () => {
    const guess = orderPairing(final());
    const right = [...guess].filter(([r, i]) => truth.get(r) === i).length;
    expect(right).toBeLessThan(people.length / 2);
  });

  it('shows the body no time finer than a day per person or cell', () => {
    expect(progressTimes.length).toBeGreaterThan(0);
    for (const at of progressTimes) expect(new Date(at).getTime() % 86_400_000, at).toBe(17 * 3_600_000);
  });

  it('writes no token, survey link or client address into any log line', () => {
    expect(t.lines.length).toBeGreaterThan(people.length);
    const secrets = people.flatMap((p) => [p.token, p.ip, encodeURIComponent(p.token)]);
    const leaking = t.lines.filter((line) => secrets.some((s) => line.includes(s)) || /\/s\/(?!:token)[^"\s/?]+/.test(line));
    expect(leaking).toEqual([]);
    const survey = t.lines.filter((line) => line.includes('"/s/:token'));
    expect(survey.length).toBeGreaterThan(people.length);
    expect(survey.filter((line) => /remoteAddress|"ip"|203\.0\.113|198\.51\.100/.test(line))).toEqual([]);
  });
});

describe('the control: the same attacks on a deliberately linkable table', () => {
  it('names the sender through xmin and through row order when answer and completion share a transaction', async () => {
    await t.db.execute(sql`create table leaky (id uuid primary key default gen_random_uuid(), campaign_id text, body_code text, group_code text, answers jsonb, submitted_at timestamptz)`);
    const done = final().invitations.filter((i) => i.status === 'completed');
    const byInvitation = new Map(people.map((p) => [p.invitationId, p]));
    for (const i of shuffle(done, 11)) {
      const p = byInvitation.get(i.id)!;
      const answers = { [p.body]: Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [k.split(':')[1], v])) };
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`update invitations set status = status where id = ${i.id}`);
        await tx.execute(sql`insert into leaky (campaign_id, body_code, group_code, answers, submitted_at) values (${CAMPAIGN}, ${p.body}, ${p.group}, ${JSON.stringify(answers)}::jsonb, now())`);
      });
    }
    const s = await snapshot(t.db, new Set(done.map((i) => i.id)), 'leaky');
    const leakyTruth = new Map(s.responses.map((r) => [r.id, truth.get(final().responses.find((x) => sheetKey(x.answers) === sheetKey(r.answers))!.id)!]));
    const c = new Candidates();
    systemColumns(s, c);
    expect(exposures(s, c, leakyTruth)).toHaveLength(people.length);
    const guess = orderPairing(s);
    expect([...guess].filter(([r, i]) => leakyTruth.get(r) === i)).toHaveLength(people.length);
    const [n] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from leaky`));
    expect(n!.n).toBe(people.length);
  });
});
