// MOHA's account pages and an officer's own password page, driven as a
// browser would (form posts with CSRF tokens and cookies).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';

let t: TestApp;
let moha: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { id: 'tinh', bodies: ['01', '22', '31'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'hanoi', 'body', '01');
  moha = await pageLogin(t.app, 'moha');
}, 60_000);
afterAll(() => t?.close());

const idOf = async (username: string) => (await t.services.accounts.listUsers()).find((u) => u.username === username)!.id;
const apiLogin = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const csrf = async () => csrfFrom((await moha.get('/admin/accounts')).body);

describe('accounts for every body of a campaign at once', () => {
  it('shows what it will create, then creates it and hands over the passwords once as CSV', async () => {
    const ask = await moha.post('/admin/accounts/bulk', { _csrf: await csrf(), campaign: 'tinh', format: 'csv' });
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('Tạo 2 tài khoản');
    expect(ask.body).toContain('donvi-22');
    expect(ask.body).not.toContain('donvi-01');
    expect(await t.services.accounts.planBodyAccounts('tinh')).toHaveLength(2);

    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/accounts/bulk',
      headers: { cookie: moha.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(ask.body), campaign: 'tinh', format: 'csv', confirm: 'yes' }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('tai-khoan-tinh.csv');
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Mã đơn vị,Tên đơn vị,Tên đăng nhập,Mật khẩu');
    expect(lines).toHaveLength(3);
    const [code, name, username, password] = lines.find((l) => l.startsWith('22,'))!.split(',');
    expect([code, username]).toEqual(['22', 'donvi-22']);
    expect(name).toContain('Quảng Ninh');
    const logged = await apiLogin(username!, password!);
    expect(logged.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(logged.json().token) });
    expect(me.json()).toMatchObject({ bodyCode: '22', bodyName: name });

    const again = await moha.post('/admin/accounts/bulk', { _csrf: await csrf(), campaign: 'tinh', format: 'csv' });
    expect(again.body).toContain('đã có tài khoản');
  }, 120_000);

  it('writes the passwords as an Excel workbook when asked', async () => {
    await seedProvinceCampaign(t, { id: 'tinh-2', bodies: ['01', '40'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/accounts/bulk',
      headers: { cookie: moha.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: await csrf(), campaign: 'tinh-2', format: 'xlsx', confirm: 'yes' }).toString(),
    });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(3).value).toBe('donvi-40');
    expect((await apiLogin('donvi-40', String(sheet.getRow(2).getCell(4).value))).statusCode).toBe(200);
  }, 120_000);
});

describe('resetting and locking an account', () => {
  it('asks once before resetting, then shows the new password once and ends the old sessions', async () => {
    await addUser(t, 'binhdinh', 'body', '22');
    const id = await idOf('binhdinh');
    const oldToken = await login(t.app, 'binhdinh');
    const ask = await moha.post(`/admin/accounts/${id}/reset`, { _csrf: await csrf() });
    expect(ask.body).toContain('Đặt lại mật khẩu của binhdinh?');
    expect((await apiLogin('binhdinh', TEST_PASSWORD)).statusCode).toBe(200);
    const done = await moha.post(`/admin/accounts/${id}/reset`, { _csrf: csrfFrom(ask.body), confirm: 'yes' });
    const fresh = done.body.match(/<code>([^<]+)<\/code> — chỉ hiện một lần/)![1]!;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(oldToken) })).statusCode).toBe(401);
    expect((await apiLogin('binhdinh', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await apiLogin('binhdinh', fresh)).statusCode).toBe(200);
  }, 60_000);

  it('asks once before locking, then locks; unlocking acts at once', async () => {
    await addUser(t, 'khoa', 'scoring');
    const id = await idOf('khoa');
    const ask = await moha.post(`/admin/accounts/${id}/disable`, { _csrf: await csrf() });
    expect(ask.body).toContain('Khóa tài khoản khoa?');
    expect((await apiLogin('khoa', TEST_PASSWORD)).statusCode).toBe(200);
    await moha.post(`/admin/accounts/${id}/disable`, { _csrf: csrfFrom(ask.body), confirm: 'yes' });
    expect((await apiLogin('khoa', TEST_PASSWORD)).json().code).toBe('account_disabled');
    const open = await moha.post(`/admin/accounts/${id}/enable`, { _csrf: await csrf() });
    expect(open.body).toContain('Đã mở khóa tài khoản khoa');
    expect((await apiLogin('khoa', TEST_PASSWORD)).statusCode).toBe(200);
  }, 60_000);

  it('does not let an administrator lock their own account', async () => {
    const res = await moha.post(`/admin/accounts/${await idOf('moha')}/disable`, { _csrf: await csrf(), confirm: 'yes' });
    expect(res.status).toBe(409);
    expect((await moha.get('/admin/accounts')).status).toBe(200);
  });
});

describe('an officer changing their own password', () => {
  it('explains a mistake, then changes it and ends the session', async () => {
    const officer = await pageLogin(t.app, 'hanoi');
    const form = await officer.get('/account/password');
    expect(form.status).toBe(200);
    const differ = await officer.post('/account/password', { _csrf: csrfFrom(form.body), currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-dai-hon', confirmPassword: 'khac-han-roi-nhe' });
    expect(differ.status).toBe(422);
    expect(differ.body).toContain('không giống nhau');
    const wrong = await officer.post('/account/password', { _csrf: csrfFrom(differ.body), currentPassword: 'sai-roi-sai-roi', newPassword: 'mat-khau-moi-dai-hon', confirmPassword: 'mat-khau-moi-dai-hon' });
    expect(wrong.body).toContain('Mật khẩu hiện tại không đúng');
    const done = await officer.post('/account/password', { _csrf: csrfFrom(wrong.body), currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-dai-hon', confirmPassword: 'mat-khau-moi-dai-hon' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/login?changed=1');
    expect((await officer.get('/account/password')).status).not.toBe(200);
    expect((await apiLogin('hanoi', 'mat-khau-moi-dai-hon')).statusCode).toBe(200);
  }, 60_000);
});
