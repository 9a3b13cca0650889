import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { auditLog, invitations, outbox, respondents } from '../src/db/schema/index.js';
import { csvText, encodeAs, header, sampleRows } from './fixtures/roster-files.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';

let t: TestApp;
let qn: string;
let hanoi: string;
let moha: string;
const C = '2023-tinh';
const base = `/api/v1/campaigns/${C}/bodies/22`;

beforeAll(async () => {
  t = await createTestApp({ ROSTER_MAX_UPLOAD_MB: '0.05', ROSTER_MAX_ROWS: '300' });
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'hanoi', 'body', '01');
  await addUser(t, 'moha', 'admin');
  [qn, hanoi, moha] = await Promise.all([login(t.app, 'qn'), login(t.app, 'hanoi'), login(t.app, 'moha')]);
});
afterAll(() => t?.close());

async function upload(bytes: Buffer, fields: Record<string, string>, token = qn, body = '22') {
  const form = multipart(fields, { name: 'danh-sach.csv', bytes });
  return t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${C}/bodies/${body}/imports`, headers: { ...bearer(token), ...form.headers }, payload: form.payload });
}

async function snapshot(body = '22') {
  return t.db
    .select({ id: respondents.id, group: respondents.groupCode, email: respondents.emailNorm, mergedInto: respondents.mergedInto, name: respondents.fullName })
    .from(respondents)
    .where(and(eq(respondents.campaignId, C), eq(respondents.bodyCode, body)))
    .orderBy(respondents.id);
}

const file = (rows: string[][], delimiter = ',') => Buffer.from(csvText([[...header, 'Nhóm'], ...rows], { delimiter }));

describe('import', () => {
  it('imports a Windows-1258 semicolon file for a group chosen at upload', async () => {
    const res = await upload(encodeAs(csvText([header, ...sampleRows], { delimiter: ';' }), 'windows-1258'), { group: 'lanh_dao_so', dryRun: 'false' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, merged: 0, errors: [], encoding: 'windows-1258', delimiter: ';' });
    const rows = await snapshot();
    expect(rows.map((r) => r.name).sort()).toEqual(['Lê Hoàng Dũng', 'Nguyễn Văn Ấn', 'Trần Thị Bình'].map((n) => n.normalize('NFC')));
    expect(rows.every((r) => r.group === 'lanh_dao_so')).toBe(true);
  });

  it('keeps a delegate who is also a department leader once, as a delegate, and reports the merge', async () => {
    const res = await upload(file([['Nguyễn Văn Ấn', 'NGUYEN.VAN.AN@QuangNinh.gov.vn', '+84 912 345 678', 'HĐND tỉnh Quảng Ninh', 'Đại biểu', 'hdnd']]), {});
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ imported: 1, merged: 1 });
    expect(report.merges).toEqual([
      {
        kept: expect.objectContaining({ group: 'hdnd', line: 2, inFile: true }),
        dropped: [expect.objectContaining({ group: 'lanh_dao_so', inFile: false, reason: 'same_email_phone' })],
      },
    ]);
    const list = (await t.app.inject({ url: `${base}/roster`, headers: bearer(qn) })).json();
    expect(list.total).toBe(3);
    expect(list.groups.find((g: { code: string }) => g.code === 'hdnd').respondents.map((p: { email: string }) => p.email)).toEqual(['nguyen.van.an@quangninh.gov.vn']);
    expect(list.groups.find((g: { code: string }) => g.code === 'lanh_dao_so').count).toBe(2);
    expect(list.merges).toHaveLength(1);
    expect(list.merges[0].kept.group).toBe('hdnd');
  });

  it('stores nothing when any row has an error, and returns the full report (422)', async () => {
    const before = await snapshot();
    const counters = rowsOf(await t.db.execute(sql`select group_code, sum(listed)::int as listed from progress_counters where body_code = '22' group by 1 order by 1`));
    const res = await upload(
      file([
        ['Phạm Minh Đức', 'pham.minh.duc@quangninh.gov.vn', '', 'Sở Xây dựng', 'Giám đốc', 'lanh_dao_so'],
        ['', 'x@quangninh.gov.vn', '', '', '', 'lanh_dao_so'],
        ['Hồ Văn E', 'not-an-email', '', '', '', 'lanh_dao_so'],
        ['Hồ Văn G', 'g@quangninh.gov.vn', '', '', '', 'khong_co'],
      ]),
      {},
    );
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('import_failed');
    expect(problem.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, 'Họ và tên', 'missing_name'],
      [4, 'Email', 'invalid_email'],
      [5, 'Nhóm', 'unknown_group'],
    ]);
    expect(await snapshot()).toEqual(before);
    expect(rowsOf(await t.db.execute(sql`select group_code, sum(listed)::int as listed from progress_counters where body_code = '22' group by 1 order by 1`))).toEqual(counters);
  });

  it('answers a dry run with the report and stores nothing', async () => {
    const before = await snapshot();
    const res = await upload(file([['Phạm Minh Đức', 'pham.minh.duc@gmail.com', '', 'Sở Xây dựng', 'Giám đốc', 'lanh_dao_phong']]), { dryRun: 'true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, warnings: [expect.objectContaining({ line: 2, code: 'unofficial_domain' })] });
    expect(await snapshot()).toEqual(before);
  });

  it("replaces a group's draft list when the group is imported again", async () => {
    const res = await upload(file([['Vũ Thị Hà', 'vu.thi.ha@quangninh.gov.vn', '0903000111', 'Sở Tư pháp', 'Giám đốc', 'lanh_dao_so']]), { group: 'lanh_dao_so' });
    expect(res.json()).toMatchObject({ imported: 1, merged: 0 });
    const rows = await snapshot();
    expect(rows.map((r) => `${r.group}:${r.email}:${r.mergedInto === null}`).sort()).toEqual([
      'hdnd:nguyen.van.an@quangninh.gov.vn:true',
      'lanh_dao_so:vu.thi.ha@quangninh.gov.vn:true',
    ]);
  });

  it('gives a clear 413 for a file over the size limit and 422 for too many rows', async () => {
    const big = await upload(Buffer.alloc(60 * 1024, 0x41), { group: 'hdnd' });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toMatch(/quá lớn/);
    const rows = Array.from({ length: 301 }, (_, i) => [`Người ${i}`, `n${i}@quangninh.gov.vn`]);
    const many = await upload(Buffer.from(csvText([['Họ và tên', 'Email'], ...rows])), { group: 'hdnd' });
    expect(many.statusCode).toBe(422);
    expect(many.json()).toMatchObject({ code: 'too_many_rows' });
  });

  it('asks for a file, and refuses an unknown group', async () => {
    const form = multipart({ group: 'hdnd' });
    const none = await t.app.inject({ method: 'POST', url: `${base}/imports`, headers: { ...bearer(qn), ...form.headers }, payload: form.payload });
    expect(none.statusCode).toBe(422);
    expect((await upload(file([]), { group: 'khong_co' })).json().code).toBe('unknown_group');
  });
});

describe('template and export', () => {
  it('serves the template in UTF-8 with BOM and Vietnamese headers', async () => {
    const res = await t.app.inject({ url: `/api/v1/campaigns/${C}/template.csv`, headers: bearer(qn) });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.slice(1)).toBe('Họ và tên,Email,Số điện thoại,Cơ quan/đơn vị,Chức vụ,Nhóm\r\n');
  });

  it('stores formula-like values as typed and neutralises them in the exported CSV', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/roster`,
      headers: bearer(qn),
      payload: { name: '=HYPERLINK("http://x")', email: 'formula@quangninh.gov.vn', organisation: '+Sở', position: '@Giám đốc', group: 'lanh_dao_phong' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('=HYPERLINK("http://x")');
    const csv = (await t.app.inject({ url: `${base}/roster.csv`, headers: bearer(qn) })).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",formula@quangninh.gov.vn,,'+Sở,'@Giám đốc,lanh_dao_phong`);
  });
});

describe('review edits', () => {
  it('corrects a person, merging them when they turn out to be someone listed', async () => {
    const list = (await t.app.inject({ url: `${base}/roster`, headers: bearer(qn) })).json();
    const person = list.groups.find((g: { code: string }) => g.code === 'lanh_dao_phong').respondents[0];
    const res = await t.app.inject({
      method: 'PUT',
      url: `${base}/roster/${person.id}`,
      headers: bearer(qn),
      payload: { name: 'Vũ Thị Hà', email: 'Vu.Thi.Ha@quangninh.gov.vn', group: 'lanh_dao_phong' },
    });
    expect(res.statusCode).toBe(200);
    const after = (await t.app.inject({ url: `${base}/roster`, headers: bearer(qn) })).json();
    expect(after.groups.find((g: { code: string }) => g.code === 'lanh_dao_phong').count).toBe(0);
    expect(after.merges.some((m: { kept: { email: string } }) => m.kept.email === 'vu.thi.ha@quangninh.gov.vn')).toBe(true);
    const bad = await t.app.inject({ method: 'PUT', url: `${base}/roster/${person.id}`, headers: bearer(qn), payload: { name: 'X', email: 'sai', group: 'hdnd' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/không phải địa chỉ email hợp lệ/);
  });

  it('removes a person with their duplicate entries', async () => {
    const list = (await t.app.inject({ url: `${base}/roster`, headers: bearer(qn) })).json();
    const ha = list.groups.find((g: { code: string }) => g.code === 'lanh_dao_so').respondents[0];
    const res = await t.app.inject({ method: 'DELETE', url: `${base}/roster/${ha.id}`, headers: bearer(qn) });
    expect(res.statusCode).toBe(204);
    expect((await snapshot()).map((r) => r.email)).toEqual(['nguyen.van.an@quangninh.gov.vn']);
  });

  it("keeps another body's officer away from the list (404)", async () => {
    const list = (await t.app.inject({ url: `${base}/roster`, headers: bearer(qn) })).json();
    const id = list.groups[0].respondents[0].id;
    for (const req of [
      { method: 'GET' as const, url: `${base}/roster` },
      { method: 'GET' as const, url: `${base}/roster.csv` },
      { method: 'DELETE' as const, url: `${base}/roster/${id}` },
      { method: 'POST' as const, url: `${base}/submit` },
    ]) {
      expect((await t.app.inject({ ...req, headers: bearer(hanoi) })).statusCode).toBe(404);
    }
    expect((await upload(file([]), { group: 'hdnd' }, hanoi)).statusCode).toBe(404);
    // A respondent of body 22 is not reachable through body 01's address either.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/campaigns/${C}/bodies/01/roster/${id}`, headers: bearer(hanoi) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/campaigns/${C}/duplicates`, headers: bearer(qn) })).statusCode).toBe(403);
  });
});

describe('submission', () => {
  it('locks the list, issues invitations in the same step and audits it', async () => {
    const res = await t.app.inject({ method: 'POST', url: `${base}/submit`, headers: bearer(qn) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ listState: 'submitted', listed: 1, invitations: { created: 1, queued: 1 } });
    const inv = await t.db.select().from(invitations).where(eq(invitations.bodyCode, '22'));
    expect(inv.map((i) => i.emailNorm)).toEqual(['nguyen.van.an@quangninh.gov.vn']);
    expect(await t.db.select().from(outbox)).toHaveLength(1);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.bodyCode, '22'))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['roster.import', 'roster.add', 'roster.edit', 'roster.remove', 'roster.submit']));
  });

  it('answers 409 to imports, edits and a second submission once submitted', async () => {
    const imp = await upload(file([['A', 'a@quangninh.gov.vn', '', '', '', 'hdnd']]), {});
    expect(imp.statusCode).toBe(409);
    expect(imp.json().detail).toMatch(/đã được gửi/);
    expect((await t.app.inject({ method: 'POST', url: `${base}/roster`, headers: bearer(qn), payload: { name: 'A', email: 'a@quangninh.gov.vn', group: 'hdnd' } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `${base}/submit`, headers: bearer(qn) })).statusCode).toBe(409);
  });

  it('lets only MOHA reopen, and keeps links when the list is submitted again', async () => {
    expect((await t.app.inject({ method: 'POST', url: `${base}/reopen`, headers: bearer(qn) })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: `${base}/reopen`, headers: bearer(moha) });
    expect(res.statusCode).toBe(200);
    expect((await upload(file([['Đỗ Thu Trang', 'do.thu.trang@quangninh.gov.vn', '', '', '', 'lanh_dao_huyen']]), {})).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: `${base}/submit`, headers: bearer(qn) });
    expect(again.json()).toMatchObject({ listed: 2, invitations: { created: 1 } });
    expect((await t.app.inject({ method: 'POST', url: `${base}/reopen`, headers: bearer(moha) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `${base}/reopen`, headers: bearer(moha) })).statusCode).toBe(409);
  });

  it('refuses imports and submission after the list deadline unless MOHA extended it', async () => {
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '1 minute' where id = ${C}`);
    const late = await upload(file([['A', 'a@hanoi.gov.vn', '', '', '', 'hdnd']]), {}, hanoi, '01');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('list_deadline_passed');
    await t.services.campaigns.setBodyListDeadline(C, '01', '2099-12-31', 'moha');
    expect((await upload(file([['A', 'a@hanoi.gov.vn', '', '', '', 'hdnd']]), {}, hanoi, '01')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `${base}/submit`, headers: bearer(qn) })).statusCode).toBe(409);
    await t.db.execute(sql`update campaigns set list_deadline = '2099-12-15' where id = ${C}`);
  });

  it('shows MOHA people listed by two bodies', async () => {
    await upload(file([['Nguyễn Văn Ấn', 'nguyen.van.an@quangninh.gov.vn', '', '', '', 'lanh_dao_so']]), {}, hanoi, '01');
    const res = await t.app.inject({ url: `/api/v1/campaigns/${C}/duplicates`, headers: bearer(moha) });
    expect(res.json()).toEqual([expect.objectContaining({ kind: 'email', value: 'nguyen.van.an@quangninh.gov.vn', bodies: ['01', '22'] })]);
  });
});
