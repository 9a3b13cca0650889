// What every sub-command shares: configuration, a migrated database, services,
// and one way to report errors (a message a person can act on, never a stack).
import { createServices, type Services } from '../services.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { describeZodError } from './zod-vi.js';

export type CliContext = { config: Config; database: Database; services: Services };

export async function openContext(config = loadConfig()): Promise<CliContext> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, services: createServices({ database, config }) };
}

/** Runs a command body with a context, closing the database however it ends. */
export async function withContext<T>(run: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext();
  try {
    return await run(ctx);
  } finally {
    await ctx.database.close();
  }
}

export const CLI_ACTOR = 'cli';

export function reportCliError(error: unknown): number {
  if (error instanceof AppError) {
    process.stderr.write(`Lỗi: ${error.message}\n`);
    const fields = (error.details?.errors as { field: string; message: string }[] | undefined) ?? [];
    for (const f of fields.slice(0, 20)) process.stderr.write(`  - ${f.field}: ${f.message}\n`);
    return error.status >= 500 ? 2 : 1;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof z.ZodError) {
    const lines = describeZodError(error);
    process.stderr.write(lines.length === 1 ? `Lỗi: ${lines[0]}.\n` : `Lỗi: dữ liệu không hợp lệ.\n${lines.map((l) => `  - ${l}\n`).join('')}`);
    return 1;
  }
  const code = (error as { code?: string }).code;
  const listen = listenProblem(error as NodeJS.ErrnoException);
  if (listen) {
    process.stderr.write(`Lỗi: ${listen}\n`);
    return 2;
  }
  if (code === 'ECONNREFUSED') {
    process.stderr.write('Lỗi: không kết nối được cơ sở dữ liệu (DATABASE_URL). Hãy kiểm tra máy chủ PostgreSQL đang chạy.\n');
    return 2;
  }
  process.stderr.write(`Lỗi hệ thống: ${(error as Error).message ?? String(error)}\n`);
  if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  return 2;
}

/** A server that cannot listen: say which address and what to do. */
function listenProblem(error: NodeJS.ErrnoException & { address?: string; port?: number }): string | null {
  if (error.syscall !== 'listen') return null;
  const where = `${error.address ?? 'máy này'}:${error.port ?? '?'}`;
  if (error.code === 'EADDRINUSE') return `cổng ${where} đang được một chương trình khác dùng. Hãy dừng chương trình đó hoặc chọn cổng khác (--port hoặc biến PORT).`;
  if (error.code === 'EACCES') return `không có quyền mở cổng ${where}. Hãy chọn cổng từ 1024 trở lên (--port hoặc biến PORT).`;
  if (error.code === 'EADDRNOTAVAIL') return `địa chỉ ${where} không thuộc máy này. Hãy kiểm tra --host hoặc biến HOST.`;
  return `không mở được cổng ${where} (${error.code ?? error.message}).`;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
