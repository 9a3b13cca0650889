// Whether the PostgreSQL server keeps a commit once it has said so. With fsync
// off a power cut can corrupt the cluster; with synchronous_commit off the last
// commits before a crash vanish although respondents were thanked for them.
// Production refuses to start on such a server unless the operator says so.
import { ConfigError } from '../config.js';
import { rowsOf, type Database } from './client.js';
import { sql } from 'drizzle-orm';

export type DurabilitySettings = { fsync: string; synchronous_commit: string };

/** The settings that lose committed data, in words an operator can act on. */
export function durabilityProblems(settings: DurabilitySettings): string[] {
  const problems: string[] = [];
  if (settings.fsync !== 'on') problems.push(`fsync = ${settings.fsync} (mất điện có thể làm hỏng cả cơ sở dữ liệu)`);
  if (settings.synchronous_commit === 'off') problems.push(`synchronous_commit = ${settings.synchronous_commit} (các phiếu vừa ghi có thể mất khi máy chủ sập)`);
  return problems;
}

export async function readDurability(database: Database): Promise<DurabilitySettings> {
  const [row] = rowsOf<DurabilitySettings>(
    await database.db.execute(sql`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit`),
  );
  return row!;
}

/**
 * Refuses (or, with the override, warns about) a PostgreSQL server that may
 * lose commits. Only in production: development and tests may trade it for speed.
 */
export async function requireDurableCommits(database: Database, options: { production: boolean; allowNondurable: boolean; warn(message: string): void }) {
  if (!options.production || database.kind !== 'postgres') return;
  const problems = durabilityProblems(await readDurability(database));
  if (problems.length === 0) return;
  const list = problems.map((p) => `  - ${p}`).join('\n');
  if (options.allowNondurable) {
    options.warn(`CẢNH BÁO: PostgreSQL không bảo đảm giữ dữ liệu đã ghi:\n${list}\nVẫn khởi động vì ALLOW_NONDURABLE_DATABASE=yes. Không dùng cấu hình này cho đợt khảo sát thật.`);
    return;
  }
  throw new ConfigError(
    `Từ chối khởi động: PostgreSQL không bảo đảm giữ dữ liệu đã ghi:\n${list}\n` +
      `Hãy đặt fsync = on và synchronous_commit = on (postgresql.conf) rồi khởi động lại PostgreSQL; ` +
      `chỉ khi chấp nhận mất dữ liệu mới đặt ALLOW_NONDURABLE_DATABASE=yes.`,
  );
}
