// Property-based fuzz of the list upload: random bytes, encodings, delimiters,
// quotes, control characters and sizes. Whatever arrives, the answer is an
// import or a report (never a server error or a hang), nothing is half stored,
// and no database connection is left inside a transaction.
import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { respondents } from '../src/db/schema/index.js';
import { csvText, encodeAs, type Flavour } from './fixtures/roster-files.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';

let t: TestApp;
let qn: string;

beforeAll(async () => {
  t = await createTestApp({ ROSTER_MAX_UPLOAD_MB: '0.03', ROSTER_MAX_ROWS: '200' });
  await seedProvinceCampaign(t, { bodies: ['22'] });
  await addUser(t, 'qn', 'body', '22');
  qn = await login(t.app, 'qn');
});
afterAll(() => t?.close());

const headers = ['Họ và tên', 'Email', 'Số điện thoại', 'Cơ quan/đơn vị', 'Chức vụ', 'Nhóm', 'STT', 'Ghi chú', ''];
const cell = fc.oneof(
  fc.constantFrom('Nguyễn Văn Ấn', 'Ðỗ Thị Hà', 'NguyÔn V¨n Ên', 'a@quangninh.gov.vn', 'b@gmail.com', 'sai', '0912 345 678', 'hdnd', 'Lãnh đạo sở', '', ' ', '"', '""', ',', ';', '\t', '\r\n', '\u0000', '\ufffd', '\ud800', '\u{10000}', '=1+1'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.emailAddress(),
);
const csvFile = fc.record({
  header: fc.array(fc.constantFrom(...headers), { minLength: 0, maxLength: 8 }),
  rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\r\n', '\n', '\r'),
  flavour: fc.constantFrom<Flavour>('utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1258'),
});
const upload = fc.record({
  bytes: fc.oneof(
    csvFile.map((f) => encodeAs(csvText([f.header, ...f.rows], { delimiter: f.delimiter, newline: f.newline }), f.flavour)),
    fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)),
    fc.integer({ min: 30_000, max: 40_000 }).map((n) => Buffer.alloc(n, 'a,b\n')),
  ),
  group: fc.constantFrom('', 'hdnd', 'lanh_dao_so', 'Đại biểu Hội đồng nhân dân cấp tỉnh', 'khong-co'),
  dryRun: fc.boolean(),
});

async function listed() {
  return (await t.db.select({ id: respondents.id }).from(respondents).where(and(eq(respondents.bodyCode, '22'), isNull(respondents.mergedInto)))).length;
}

async function openTransactions() {
  if (t.database.kind !== 'postgres') return 0;
  return rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`))[0]!.n;
}

describe('list upload fuzz', () => {
  it('answers any upload with an import or a report, stores all or nothing, and releases its connection', { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(upload, async ({ bytes, group, dryRun }) => {
        await t.db.execute(sql`delete from respondents where body_code = '22'`);
        const form = multipart({ group, dryRun: String(dryRun) }, { name: 'ds.csv', bytes });
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns/2023-tinh/bodies/22/imports', headers: { ...bearer(qn), ...form.headers }, payload: form.payload });
        expect([200, 413, 422], res.body.slice(0, 300)).toContain(res.statusCode);
        const body = res.json();
        if (res.statusCode === 200 && !dryRun) expect(await listed()).toBe(body.imported);
        else expect(await listed()).toBe(0);
        if (res.statusCode === 422) expect(body.detail).toMatch(/\p{L}/u);
        if (body.errors) for (const e of body.errors) expect(e.message).not.toMatch(/[\u0000\ud800-\udfff]/u);
        expect(await openTransactions()).toBe(0);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), interruptAfterTimeLimit: 600_000 },
    );
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });
});
