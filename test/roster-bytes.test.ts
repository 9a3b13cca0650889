// Bytes no list should hold (NUL, other control characters, bytes no encoding
// maps) give the officer a report of lines and reasons, the same in the dry run
// and in the real import, and never hold a database connection.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../src/db/client.js';
import { respondents, rosterImports } from '../src/db/schema/index.js';
import { insertRespondents } from '../src/modules/roster/roster.queries.js';
import { csvText, header } from './fixtures/roster-files.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';

let t: TestApp;
let qn: string;
const C = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'qn', 'body', '22');
  qn = await login(t.app, 'qn');
});
afterAll(() => t?.close());

async function upload(bytes: Buffer, fields: Record<string, string>, name = 'danh-sach.csv') {
  const form = multipart(fields, { name, bytes });
  return t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${C}/bodies/22/imports`, headers: { ...bearer(qn), ...form.headers }, payload: form.payload });
}

const stored = async () => (await t.db.select({ id: respondents.id }).from(respondents).where(and(eq(respondents.campaignId, C), eq(respondents.bodyCode, '22')))).length;

/** Connections of this database left inside a transaction (PostgreSQL only). */
async function idleInTransaction() {
  if (t.database.kind !== 'postgres') return 0;
  const rows = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`));
  return rows[0]!.n;
}

const good = ['Nguyễn Văn Ấn', 'nguyen.van.an@quangninh.gov.vn', '0912 345 678', 'Sở Nội vụ', 'Giám đốc'];

describe('bytes no list should hold', () => {
  it.each([
    ['a NUL byte in a name', `Nguy\u0000ễn Văn Bình`],
    ['a NUL byte at the end of a name', `Trần Thị Cúc\u0000`],
    ['a control character in a name', `Lê\u0007 Văn Dũng`],
  ])('reports %s with its line, in the dry run and the real import alike', async (_, name) => {
    const bytes = Buffer.from(csvText([header, good, [name, 'b@quangninh.gov.vn', '', 'Sở Y tế', 'Giám đốc']]));
    for (const dryRun of ['true', 'false']) {
      const res = await upload(bytes, { group: 'lanh_dao_so', dryRun });
      expect(res.statusCode, dryRun).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ line: 3, column: 'Họ và tên', code: 'control_character' })]);
      expect(res.json().errors[0].message).not.toContain('\u0000');
    }
    expect(await stored()).toBe(0);
    expect(await idleInTransaction()).toBe(0);
  });

  it('reports a NUL byte in a header and never stores it in a warning', async () => {
    const bytes = Buffer.from(csvText([[...header, 'Ghi\u0000 chú x'], [...good, '']]));
    const res = await upload(bytes, { group: 'lanh_dao_so', dryRun: 'false' });
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).not.toContain('\\u0000');
    const imports = await t.db.select({ warnings: rosterImports.warnings }).from(rosterImports);
    expect(JSON.stringify(imports)).not.toContain('\\u0000');
    await t.db.execute(sql`delete from respondents`);
  });

  it('keeps a file name with a NUL byte out of the database', async () => {
    const res = await upload(Buffer.from(csvText([header, good])), { group: 'lanh_dao_so', dryRun: 'false' }, 'danh\u0000sach.csv');
    expect(res.statusCode).toBe(200);
    const [row] = await t.db.select({ fileName: rosterImports.fileName }).from(rosterImports).orderBy(sql`${rosterImports.createdAt} desc`).limit(1);
    expect(row?.fileName).toBe('danh\uFFFDsach.csv');
    await t.db.execute(sql`delete from respondents`);
  });

  it('still serves every later import after ten files with NUL bytes (connections released)', async () => {
    const bad = Buffer.from(csvText([header, [`A\u0000`, 'a@quangninh.gov.vn']]));
    for (let i = 0; i < 12; i++) expect((await upload(bad, { group: 'hdnd', dryRun: 'false' })).statusCode).toBe(422);
    expect(await idleInTransaction()).toBe(0);
    const res = await upload(Buffer.from(csvText([header, good])), { group: 'hdnd', dryRun: 'false' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, errors: [] });
    expect(await stored()).toBe(1);
  });

  it('reads Ð (U+00D0) in a legacy file as Đ', async () => {
    const res = await upload(Buffer.from(csvText([header, ['\u00D0ỗ Văn Đức', 'do.van.duc@quangninh.gov.vn']])), { group: 'hdnd', dryRun: 'true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, errors: [] });
    const done = await upload(Buffer.from(csvText([header, ['\u00D0ỗ Văn Đức', 'do.van.duc@quangninh.gov.vn']])), { group: 'hdnd', dryRun: 'false' });
    expect(done.statusCode).toBe(200);
    const names = await t.db.select({ name: respondents.fullName }).from(respondents).where(eq(respondents.emailNorm, 'do.van.duc@quangninh.gov.vn'));
    expect(names).toEqual([{ name: 'Đỗ Văn Đức' }]);
  });

  it('fails a store the database refuses instead of waiting on its connection', async () => {
    const row = { id: '00000000-0000-4000-8000-000000000001', group: 'hdnd', fullName: 'A\u0000', email: 'a@quangninh.gov.vn', emailNorm: 'a@quangninh.gov.vn', phone: null, phoneNorm: null, organisation: null, position: null, line: 2 };
    await expect(t.db.transaction((tx) => insertRespondents(tx as unknown as Db, C, '22', null, [row], () => undefined))).rejects.toThrow();
    expect(await idleInTransaction()).toBe(0);
    expect(rowsOf(await t.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
  });

  it('reads several uploads sent at once, a few at a time, and answers each', async () => {
    const bytes = Buffer.from(csvText([header, good]));
    const answers = await Promise.all(Array.from({ length: 5 }, () => upload(bytes, { group: 'hdnd', dryRun: 'true' })));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.every((r) => r.json().imported === 1)).toBe(true);
  });
});
