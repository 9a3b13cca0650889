import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetsDir } from '../src/presets/index.js';
import { addUser, bearer, createTestApp, login, type TestApp } from './helpers/app.js';

let t: TestApp;
let admin: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'moha', 'admin');
  admin = await login(t.app, 'moha');
});
afterAll(() => t?.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) });

describe('campaigns', () => {
  it('creates a campaign from a preset with deadlines read as Vietnamese dates', async () => {
    const res = await api('POST', '/api/v1/campaigns', admin, {
      preset: '2023-province',
      id: '2023-tinh',
      listDeadline: '15/12/2023',
      responseDeadline: '2024-01-10',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      id: '2023-tinh',
      year: 2023,
      level: 'province',
      bodies: 63,
      listDeadline: { text: '23:59 ngày 15/12/2023' },
      responseDeadline: { text: '23:59 ngày 10/01/2024' },
    });
    expect(body.groups.map((g: { code: string }) => g.code)).toEqual(['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen']);
  });

  it('creates a campaign from a campaign file, keeping its sources, and names a bad field', async () => {
    const file = JSON.parse(readFileSync(join(presetsDir, '2023-ministry.json'), 'utf8'));
    file.campaign.scoring.version = '2024.1';
    const res = await api('POST', '/api/v1/campaigns', admin, { id: 'tu-tep', bodies: ['BTP'], listDeadline: '15/12/2024', responseDeadline: '10/01/2025', file });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'tu-tep', preset: 'file:2023-ministry', bodies: 1 });
    const config = await t.services.campaigns.config('tu-tep');
    expect(config.scoring.version).toBe('2024.1');
    expect(config.sources?.groups).toMatchObject({ document: expect.stringContaining('7156/BNV-CCHC'), date: '2023-12-06' });
    file.campaign.scoring.bodyMinResponses = 2;
    const bad = await api('POST', '/api/v1/campaigns', admin, { id: 'tu-tep-2', file });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('bodyMinResponses');
    const schema = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/file-schema.json' });
    expect(schema.json().required).toEqual(expect.arrayContaining(['sources', 'campaign']));
  });

  it('refuses a second campaign with the same id', async () => {
    const res = await api('POST', '/api/v1/campaigns', admin, { preset: '2023-province', id: '2023-tinh' });
    expect(res.statusCode).toBe(409);
  });

  it('names the available presets when one is unknown', async () => {
    const res = await api('POST', '/api/v1/campaigns', admin, { preset: '1999-province', id: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/2023-province/);
  });

  it('refuses a list deadline after the response deadline', async () => {
    const res = await api('POST', '/api/v1/campaigns', admin, { preset: '2023-ministry', id: 'bo', listDeadline: '2024-02-01', responseDeadline: '2024-01-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/phải trước/);
  });

  it('creates a campaign for chosen bodies only and refuses unknown ones', async () => {
    const ok = await api('POST', '/api/v1/campaigns', admin, { preset: '2025-province', id: '2025-tinh', bodies: ['01', '22'] });
    expect(ok.json()).toMatchObject({ bodies: 2 });
    const bad = await api('POST', '/api/v1/campaigns', admin, { preset: '2025-province', id: '2025-x', bodies: ['02'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/02/);
  });

  it('keeps interference thresholds given at creation over the preset’s, and refuses ones that are not numbers', async () => {
    const ok = await api('POST', '/api/v1/campaigns', admin, { preset: '2025-province', id: '2025-nguong', bodies: ['01'], integrity: { 'burst.minForms': 40 } });
    expect(ok.statusCode).toBe(201);
    expect((await t.services.campaigns.config('2025-nguong')).integrity).toMatchObject({ 'burst.minForms': 40 });
    const bad = await api('POST', '/api/v1/campaigns', admin, { preset: '2025-province', id: '2025-nguong-x', integrity: { 'burst.minForms': 'nhiều' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/integrity/);
  });

  it('changes deadlines and extends one body’s list deadline', async () => {
    const res = await api('PATCH', '/api/v1/campaigns/2023-tinh/deadlines', admin, { listDeadline: '17:00 ngày 18/12/2098', responseDeadline: '10/01/2099' });
    expect(res.json().listDeadline.text).toBe('17:00 ngày 18/12/2098');
    const ext = await api('PUT', '/api/v1/campaigns/2023-tinh/bodies/22/list-deadline', admin, { listDeadline: '2098-12-22' });
    expect(ext.json()).toMatchObject({ code: '22', listDeadlineExtended: true, listDeadline: { text: '23:59 ngày 22/12/2098' } });
    const bad = await api('PATCH', '/api/v1/campaigns/2023-tinh/deadlines', admin, { listDeadline: 'thứ hai' });
    expect(bad.statusCode).toBe(422);
  });

  it('lets an officer keep their body’s IT contact, with the mobile normalised', async () => {
    await addUser(t, 'qn', 'body', '22');
    officer = await login(t.app, 'qn');
    const res = await api('PUT', '/api/v1/campaigns/2023-tinh/bodies/22/it-contact', officer, { name: 'Trần Văn Bình', title: 'Chuyên viên CNTT', mobile: '0912.345.678' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'Trần Văn Bình', title: 'Chuyên viên CNTT', mobile: '+84912345678' });
    const bad = await api('PUT', '/api/v1/campaigns/2023-tinh/bodies/22/it-contact', officer, { name: 'A', title: 'B', mobile: '123' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/0912 345 678/);
  });

  it('keeps campaign management to MOHA', async () => {
    expect((await api('POST', '/api/v1/campaigns', officer, { preset: '2023-province', id: 'y' })).statusCode).toBe(403);
    expect((await api('PATCH', '/api/v1/campaigns/2023-tinh/deadlines', officer, { listDeadline: '2030-01-01' })).statusCode).toBe(403);
  });
});

describe('service endpoints', () => {
  it('answers health, readiness and the OpenAPI document', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready' });
    const spec = (await t.app.inject('/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/campaigns']));
    expect((await t.app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('answers unknown addresses with a problem document', async () => {
    const res = await t.app.inject('/api/v1/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.js/);
    expect(res.json().detail).toBe('Nội dung JSON không hợp lệ.');
  });
});
