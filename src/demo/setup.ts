// The demo's starting point: a 2023 province campaign for a handful of
// provinces with open deadlines, MOHA's admin and one officer per province, and
// each province's respondent list written as the CSV an officer would upload.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Services } from '../app.js';
import type { Db } from '../db/client.js';
import { campaignBodies, flags, invitations, outbox, respondents, responses } from '../db/schema/index.js';
import { toCsv } from '../csv/write.js';
import { loadPreset } from '../presets/index.js';
import { csvHeaders, generateBodyList, mailboxName, personRow, type Person } from './people.js';

export type DemoSize = 'small' | 'normal';

export const DEMO_CAMPAIGN = '2023-tinh-demo';
/** Hà Nội, Quảng Ninh, Bắc Ninh, Đà Nẵng, TP. Hồ Chí Minh (small: the middle three); Bắc Ninh gets the planted interference. */
export const DEMO_BODIES = { small: ['22', '27', '48'], normal: ['01', '22', '27', '48', '79'] } as const;
export const PLANTED_BODY = '27';

/** Every delegate of the People's Council is surveyed, so that group is the province's seat count. */
const PER_GROUP = {
  small: { lanh_dao_so: 5, lanh_dao_phong: 8, lanh_dao_huyen: 5 },
  normal: { lanh_dao_so: 15, lanh_dao_phong: 26, lanh_dao_huyen: 12 },
} as const;

const isoDate = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
const password = () => `Demo-${randomBytes(9).toString('base64url')}`;

export type DemoAccounts = { admin: { username: string; password: string }; bodies: { username: string; bodyCode: string; password: string }[] };

export async function createDemoCampaign(services: Services, size: DemoSize): Promise<{ bodies: { code: string; name: string }[]; accounts: DemoAccounts }> {
  const codes = [...DEMO_BODIES[size]];
  // The demo squeezes weeks of answering into a minute, so every province would
  // look like a burst; the burst rule is switched off for it (docs/integrity.md).
  const integrity = { 'burst.minForms': 1_000_000 };
  await services.campaigns.create({ preset: '2023-province', id: DEMO_CAMPAIGN, bodies: codes, listDeadline: isoDate(7), responseDeadline: isoDate(30), integrity }, 'demo');
  const preset = loadPreset('2023-province');
  const bodies = codes.map((code) => ({ code, name: preset.campaign.bodies.find((b) => b.code === code)!.name }));
  const admin = { username: 'moha', password: password() };
  await services.accounts.createUser({ username: admin.username, role: 'admin', password: admin.password }, 'demo');
  const officers = [];
  for (const b of bodies) {
    const officer = { username: `sonv${b.code}`, bodyCode: b.code, password: password() };
    await services.accounts.createUser({ username: officer.username, role: 'body', bodyCode: b.code, password: officer.password }, 'demo');
    officers.push(officer);
  }
  return { bodies, accounts: { admin, bodies: officers } };
}

/** `hanoi.gov.vn` from `Thành phố Hà Nội`. */
export const domainOf = (bodyName: string) => `${mailboxName(bodyName.replace(/^(Tỉnh|Thành phố)\s+/, '')).replace(/\./g, '')}.gov.vn`;

/** Writes one CSV per province (all groups, a Nhóm column) and returns the files. */
export async function writeLists(dir: string, bodies: { code: string; name: string }[], size: DemoSize): Promise<{ bodyCode: string; file: string; rows: number }[]> {
  await mkdir(dir, { recursive: true });
  const preset = loadPreset('2023-province');
  const files = [];
  for (const b of bodies) {
    const people = withDeadMailboxes(generateBodyList(preset.campaign, { bodyCode: b.code, bodyName: b.name, domain: domainOf(b.name), perGroup: { ...PER_GROUP[size], hdnd: seats(b.code) }, twoGroupShare: 0.05 }), 0.03);
    const file = join(dir, `danh-sach-${b.code}.csv`);
    await writeFile(file, toCsv(csvHeaders, people.map(personRow), { bom: true }));
    files.push({ bodyCode: b.code, file, rows: people.length });
  }
  return files;
}

const seats = (code: string) => (loadPreset('2023-province').campaign.bodies.find((b) => b.code === code) as { hdndSeats?: number } | undefined)?.hdndSeats ?? 50;

/** About `share` of the people (at least one) get a mailbox that does not exist; people listed twice keep theirs. */
function withDeadMailboxes(people: Person[], share: number): Person[] {
  const uses = new Map<string, number>();
  for (const p of people) uses.set(p.email, (uses.get(p.email) ?? 0) + 1);
  const single = people.filter((p) => uses.get(p.email) === 1);
  const dead = Math.max(1, Math.round(people.length * share));
  const step = Math.max(1, Math.floor(single.length / dead));
  for (let i = 0; i < dead && i * step < single.length; i++) single[i * step]!.email = `khongtontai.${single[i * step]!.email}`;
  return people;
}

const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);

/** The demo's totals, read back from the database rather than trusted from the steps. */
export async function demoTotals(db: Db, campaignId: string) {
  return {
    listsSubmitted: await n(db.select({ n: count() }).from(campaignBodies).where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.listState, 'submitted')))),
    listed: await n(db.select({ n: count() }).from(respondents).where(and(eq(respondents.campaignId, campaignId), isNull(respondents.mergedInto)))),
    merged: await n(db.select({ n: count() }).from(respondents).where(and(eq(respondents.campaignId, campaignId), isNotNull(respondents.mergedInto)))),
    invitations: await n(db.select({ n: count() }).from(invitations).where(eq(invitations.campaignId, campaignId))),
    queued: await n(db.select({ n: count() }).from(outbox).where(and(eq(outbox.campaignId, campaignId), sql`${outbox.status} in ('queued', 'sending')`))),
    sent: await n(db.select({ n: count() }).from(outbox).where(and(eq(outbox.campaignId, campaignId), sql`${outbox.status} in ('sent', 'bounced')`))),
    bounced: await n(db.select({ n: count() }).from(invitations).where(and(eq(invitations.campaignId, campaignId), eq(invitations.mailStatus, 'bounced')))),
    responses: await n(db.select({ n: count() }).from(responses).where(eq(responses.campaignId, campaignId))),
    flags: await n(db.select({ n: count() }).from(flags).where(eq(flags.campaignId, campaignId))),
  };
}
