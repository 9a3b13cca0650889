// The command line speaks Vietnamese: help, usage errors and validation, and
// a start that fails (a busy port) ends the process with a clear message.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

const ENGLISH = /Usage|Options:|Commands:|Arguments:|display help|error:|required option|unknown (command|option)|Did you mean|Invalid|expected|default:|choices:/;

let env: Record<string, string>;
let database: TestDatabase | undefined;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-cli-vi-')) };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  await database?.close();
});

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

describe('the command line in Vietnamese', { timeout: 180_000 }, () => {
  it('writes every command’s help without commander’s English', () => {
    const commands = allCommands(buildProgram());
    expect(commands.length).toBeGreaterThan(30);
    for (const command of commands) {
      const help = command.helpInformation();
      expect(help, command.name()).toMatch(/^Cách dùng: /);
      expect(help, command.name()).not.toMatch(ENGLISH);
    }
  });

  it('prints help and usage errors in Vietnamese from the real command', async () => {
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Cách dùng: par-survey \[tùy chọn\] \[lệnh\]/);
    expect(help.stdout).toMatch(/Lệnh:\n/);
    expect(help.stdout).not.toMatch(ENGLISH);

    const unknown = await runCli(['campaing'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Lỗi: không có lệnh «campaing»\.\nCó phải ý bạn là campaign\?/);
    expect(unknown.stderr).not.toMatch(ENGLISH);

    const missing = await runCli(['user', 'add', '--role', 'body'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Lỗi: thiếu tùy chọn bắt buộc «--username <name>»\./);
    expect(missing.stderr).not.toMatch(ENGLISH);

    const option = await runCli(['campaign', 'list', '--bogus'], env);
    expect(option.code).toBe(1);
    expect(option.stderr).toMatch(/^Lỗi: không có tùy chọn «--bogus»\./);
  });

  it('explains invalid values in Vietnamese, one sentence, exit 1', async () => {
    const role = await runCli(['user', 'add', '--username', 'ab', '--role', 'boss', '--password-stdin'], env, 'mot-mat-khau-dai\n');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/role: giá trị "boss" không hợp lệ; chọn một trong: admin, body, scoring/);
    expect(role.stderr).not.toMatch(ENGLISH);

    const template = await runCli(['mail', 'preview', '--campaign', 't', '--template', 'thu-moi'], env);
    expect(template.code).toBe(1);
    expect(template.stderr).toBe('Lỗi: giá trị "thu-moi" không hợp lệ; chọn một trong: invitation, reminder.\n');
  });

  it('ends `serve` with a clear message when the port is taken', async () => {
    const res = await runCli(['serve', '--port', String(busyPort)], env);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain(`Lỗi: cổng 127.0.0.1:${busyPort} đang được một chương trình khác dùng.`);
    expect(res.stderr).not.toMatch(/EADDRINUSE|\bat .*\.(ts|js):\d+/);
  });

  it('runs the demo on the port named by PORT', async () => {
    const res = await runCli(['demo', '--small'], { ...env, PORT: String(busyPort) });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain(`cổng 127.0.0.1:${busyPort} đang được một chương trình khác dùng`);
    const bad = await runCli(['demo', '--small'], { ...env, PORT: 'tám nghìn' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Lỗi: Cổng "tám nghìn" không hợp lệ/);
  });
});
