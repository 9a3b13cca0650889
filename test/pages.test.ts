import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';
import { seedSubmittedList } from './helpers/seed.js';
import { completeInvitations } from './helpers/survey.js';

let t: TestApp;
let officer: Browser;
let moha: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  await seedSubmittedList(t, '2023-tinh', '22', [
    { email: 'a@quangninh.gov.vn', group: 'hdnd', name: 'Nguyễn Văn An' },
    { email: 'b@quangninh.gov.vn', group: 'hdnd', name: 'Trần Thị Bình' },
    { email: 'c@quangninh.gov.vn', group: 'lanh_dao_so', name: 'Lê Văn Cường' },
  ]);
  await completeInvitations(t.db, sql`email_norm = 'a@quangninh.gov.vn'`);
  await t.db.execute(sql`update invitations set mail_status = 'bounced', bounce_reason = '550 mailbox unavailable' where email_norm = 'b@quangninh.gov.vn'`);
  officer = await pageLogin(t.app, 'qn');
  moha = await pageLogin(t.app, 'moha');
});
afterAll(() => t?.close());

describe('login page', () => {
  it('sends a visitor without a session to the login page and back after login', async () => {
    const res = await t.app.inject('/c/2023-tinh/b/22');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?next=%2Fc%2F2023-tinh%2Fb%2F22');
  });

  it('shows a wrong password on the form, in Vietnamese', async () => {
    const page = await t.app.inject('/login');
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username: 'qn', password: 'sai' }).toString(),
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('refuses a login form posted without its CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=qn&password=x' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('body page', () => {
  it('shows the officer their progress, who has not answered and whose mail bounced', async () => {
    const res = await officer.get('/c/2023-tinh/b/22');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Tỉnh Quảng Ninh');
    expect(res.body).toContain('<svg class="chart"');
    expect(res.body).toContain('Trần Thị Bình');
    expect(res.body).toContain('550 mailbox unavailable');
    expect(res.body).toContain('Lê Văn Cường');
    expect(res.body).not.toContain('Thao tác của Bộ Nội vụ');
  });

  it('says in the header who is logged in, for which body, and the deadlines, with a countdown', async () => {
    const res = await officer.get('/c/2023-tinh/b/22');
    const header = res.body.slice(res.body.indexOf('<header'), res.body.indexOf('</header>'));
    expect(header).toContain('Tỉnh Quảng Ninh');
    expect(header).toContain('Đăng xuất');
    expect(header).toMatch(/Hạn gửi danh sách: 23:59 ngày 15\/12\/2099/);
    expect(header).toMatch(/Hạn trả lời phiếu: 23:59 ngày 10\/01\/2100/);
    expect(res.body).toMatch(/id="countdown"><span>Hạn trả lời phiếu<\/span><b>còn \d+ ngày/);
  });

  it('refuses another body’s page', async () => {
    expect((await officer.get('/c/2023-tinh/b/01')).status).toBe(404);
    expect((await officer.get('/c/2023-tinh/national')).status).toBe(403);
  });

  it('saves the IT contact, and shows a mistake on the page', async () => {
    const page = await officer.get('/c/2023-tinh/b/22');
    const ok = await officer.post('/c/2023-tinh/b/22/it-contact', { _csrf: csrfFrom(page.body), name: 'Phạm Minh Đức', title: 'Chuyên viên', mobile: '0912345678' });
    expect(ok.status).toBe(303);
    const after = await officer.get(ok.location!);
    expect(after.body).toContain('Đã lưu thông tin cán bộ kỹ thuật.');
    expect(after.body).toContain('+84912345678');
    const bad = await officer.post('/c/2023-tinh/b/22/it-contact', { _csrf: csrfFrom(page.body), name: 'A', title: 'B', mobile: '12' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('không hợp lệ');
  });

  it('refuses a form posted without the CSRF token', async () => {
    const res = await officer.post('/c/2023-tinh/b/22/it-contact', { name: 'X', title: 'Y', mobile: '0912345678' });
    expect(res.status).toBe(403);
  });
});

describe('national page', () => {
  it('lists every body for MOHA with list state and rates, sortable', async () => {
    const res = await moha.get('/c/2023-tinh/national?sort=completionRate&order=desc');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Thành phố Hà Nội');
    expect(res.body.indexOf('Tỉnh Quảng Ninh')).toBeLessThan(res.body.indexOf('Thành phố Hà Nội'));
    expect(res.body).toContain('aria-sort="descending"');
    expect(res.body).toContain('id="groups"');
    expect(res.body).toContain('href="/admin/accounts"');
    expect(res.body).toContain('href="/admin/campaigns/2023-tinh/flags"');
    expect(res.body).toContain('href="/c/2023-tinh/b/22"');
  });

  it('narrows the national table by a name typed without diacritics and keeps the filter when sorting', async () => {
    const res = await moha.get('/c/2023-tinh/national?q=quang+ninh');
    expect(res.body).toContain('data-body="22"');
    expect(res.body).not.toContain('data-body="01"');
    expect(res.body).toContain('?sort=bodyName&amp;order=asc&amp;q=quang+ninh#bodies');
    expect(res.body).toContain('progress.csv?q=quang+ninh');
  });

  it('lets MOHA reopen a submitted list from the body page', async () => {
    const page = await moha.get('/c/2023-tinh/b/22');
    expect(page.body).toContain('/c/2023-tinh/b/22/reopen-list');
    const res = await moha.post('/c/2023-tinh/b/22/reopen-list', { _csrf: csrfFrom(page.body) });
    expect(res.status).toBe(303);
    expect((await moha.get(res.location!)).body).toContain('Đã mở lại danh sách');
    const again = await moha.post('/c/2023-tinh/b/22/reopen-list', { _csrf: csrfFrom((await moha.get('/c/2023-tinh/b/22')).body) });
    expect(again.status).not.toBe(303);
  });

  it('lets MOHA extend a body’s list deadline from its page', async () => {
    const page = await moha.get('/c/2023-tinh/b/01');
    const res = await moha.post('/c/2023-tinh/b/01/list-deadline', { _csrf: csrfFrom(page.body), listDeadline: '20/12/2099' });
    expect(res.status).toBe(303);
    expect((await moha.get(res.location!)).body).toContain('23:59 ngày 20/12/2099');
  });

  it('creates a body account from the accounts page', async () => {
    const page = await moha.get('/admin/accounts');
    const res = await moha.post('/admin/accounts', { _csrf: csrfFrom(page.body), username: 'hanoi.snv', role: 'body', bodyCode: '01', displayName: 'Sở Nội vụ Hà Nội', password: 'mat-khau-ban-dau' });
    expect(res.status).toBe(303);
    expect((await moha.get(res.location!)).body).toContain('Đã tạo tài khoản <strong>hanoi.snv</strong>');
  });
});
