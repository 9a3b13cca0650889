// The compiled service (scripts/build.mjs) as bin/par-survey.js runs it once
// built: its own package.json, presets, migrations, the list-reading thread,
// the embedded database's creation, mail templates with the MJML worker, and
// `serve` with its pages. It uses dist/ when that is up to date (always so after
// npm install or npm ci), else a build of its own, removed afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, isBuilt } from '../scripts/build.mjs';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let out = 'dist';
let own = false;
let env: Record<string, string>;
let database: TestDatabase | undefined;

const runCompiled = (args: string[]) => runCli(args, env, undefined, { script: join(ROOT, out, 'src/cli.js'), cwd: env.DATA_DIR! });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  if (!isBuilt()) {
    out = `dist.test-${process.pid}`;
    own = true;
    build(out);
  }
  env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-build-')), JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48) };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
}, 300_000);

afterAll(async () => {
  if (own) rmSync(join(ROOT, out), { recursive: true, force: true });
  await database?.close();
});

describe('the compiled service', { timeout: 120_000 }, () => {
  it('runs a campaign from a preset through an import and a mail preview', async () => {
    expect((await runCompiled(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await runCompiled(['migrate'])).code).toBe(0);
    const created = await runCompiled(['campaign', 'create', '--preset', '2023-province', '--id', 'b', '--list-deadline', '15/12/2099', '--response-deadline', '10/01/2100']);
    expect(created.stderr).toBe('');
    const list = join(env.DATA_DIR!, 'ds.csv');
    writeFileSync(list, 'Họ và tên;Email;Số điện thoại;Cơ quan/đơn vị;Chức vụ\nNguyễn Văn Ấn;nguyen.van.an@quangninh.gov.vn;0912 345 678;Sở Nội vụ;Giám đốc\n');
    const imported = await runCompiled(['import', '--campaign', 'b', '--body', '22', '--group', 'hdnd', list]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/Đã nhập: 1 người/);
    const preview = await runCompiled(['mail', 'preview', '--campaign', 'b', '--template', 'invitation']);
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toMatch(/invitation\.html/);
  });

  it('serves its pages', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, out, 'src/cli.js'), 'serve'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'silent', SENDER: 'off', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: 'ignore',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 60_000;
      for (;;) {
        expect(child.exitCode).toBeNull();
        if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
        if (Date.now() > deadline) throw new Error('serve did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
      const login = await fetch(`${base}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toMatch(/<form/);
      expect((await fetch(`${base}/assets/app.css`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) child.kill();
      await exited;
    }
  });
});
