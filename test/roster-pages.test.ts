import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, encodeAs, header, sampleRows } from './fixtures/roster-files.js';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';

let t: TestApp;
let officer: Browser;
let other: Browser;
let moha: Browser;
const page = '/c/2023-tinh/b/22/lists';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'hanoi', 'body', '01');
  await addUser(t, 'moha', 'admin');
  [officer, other, moha] = await Promise.all([pageLogin(t.app, 'qn'), pageLogin(t.app, 'hanoi'), pageLogin(t.app, 'moha')]);
});
afterAll(() => t?.close());

async function uploadForm(browser: Browser, fields: Record<string, string>, bytes: Buffer, url = `${page}/import`) {
  const form = multipart(fields, { name: 'ds.csv', bytes });
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie: browser.cookie, ...form.headers }, payload: form.payload });
  return { status: res.statusCode, body: res.body };
}

describe('lists page', () => {
  it('offers the template and the upload form', async () => {
    const res = await officer.get(page);
    expect(res.status).toBe(200);
    expect(res.body).toContain('/api/v1/campaigns/2023-tinh/template.csv');
    expect(res.body).toContain('enctype="multipart/form-data"');
  });

  it('checks a file first, then imports it on confirmation', async () => {
    const csrf = csrfFrom((await officer.get(page)).body);
    const bytes = encodeAs(csvText([header, ...sampleRows], { delimiter: ';' }), 'windows-1258');
    const checked = await uploadForm(officer, { _csrf: csrf, group: 'lanh_dao_so', dryRun: 'true' }, bytes);
    expect(checked.status).toBe(200);
    expect(checked.body).toContain('Xác nhận nhập danh sách');
    expect((await t.services.roster.list({ campaignId: '2023-tinh', bodyCode: '22' })).total).toBe(0);
    const upload = checked.body.match(/name="upload" value="([a-f0-9]+)"/)![1]!;
    expect((await other.post('/c/2023-tinh/b/01/lists/confirm', { _csrf: csrfFrom((await other.get('/c/2023-tinh/b/01/lists')).body), upload })).status).toBe(410);
    const done = await officer.post(`${page}/confirm`, { _csrf: csrf, upload });
    expect(done.status).toBe(200);
    expect(done.body).toContain('Đã nhập 3 người');
    expect(done.body).toContain('Trần Thị Bình');
  });

  it('shows a bad file line by line', async () => {
    const csrf = csrfFrom((await officer.get(page)).body);
    const bad = Buffer.from(csvText([['Họ và tên', 'Email'], ['A', 'sai'], ['', 'b@quangninh.gov.vn']]));
    const res = await uploadForm(officer, { _csrf: csrf, group: 'hdnd' }, bad);
    expect(res.status).toBe(422);
    expect(res.body).toMatch(/<td data-label="Dòng" class="num">2<\/td><td data-label="Cột">Email<\/td>/);
    expect(res.body).toContain('Dòng 3, cột A (Họ và tên): thiếu họ và tên.');
  });

  it('refuses an upload without the CSRF token', async () => {
    const res = await uploadForm(officer, { group: 'hdnd' }, Buffer.from('Họ và tên,Email\r\nA,a@x.gov.vn\r\n'));
    expect(res.status).toBe(403);
  });

  it('keeps other bodies out', async () => {
    expect((await other.get(page)).status).toBe(404);
    const csrf = csrfFrom((await other.get('/c/2023-tinh/b/01/lists')).body);
    expect((await other.post(`${page}/submit`, { _csrf: csrf })).status).toBe(404);
    expect((await uploadForm(other, { _csrf: csrf, group: 'hdnd' }, Buffer.from('a'))).status).toBe(404);
  });

  it('submits with a confirmation, then is read-only until MOHA reopens', async () => {
    const before = await officer.get(page);
    expect(before.body).toContain('Sau khi gửi, danh sách bị khóa');
    const res = await officer.post(`${page}/submit`, { _csrf: csrfFrom(before.body) });
    expect(res.status).toBe(303);
    const after = await officer.get(res.location!);
    expect(after.body).toContain('Đã gửi danh sách');
    expect(after.body).toContain('chỉ xem được');
    expect(after.body).not.toContain('enctype="multipart/form-data"');
    expect(after.body).not.toContain('Sửa / xóa');
    const reopen = await moha.post(`${page.replace(/\/lists$/, '')}/reopen-list`, { _csrf: csrfFrom((await moha.get(page)).body), back: 'lists' });
    expect(reopen.status).toBe(303);
    expect((await officer.get(page)).body).toContain('enctype="multipart/form-data"');
  });
});
