// Answers for a questionnaire as a browser would post them, and quick reads of
// the survey tables, for the survey tests and the benchmark.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/db/client.js';
import type { Form } from '../../src/modules/campaigns/campaign-config.js';

/** Every question of `form` for each unit, answered with the option `pick` chooses. */
export function answerAll(form: Form, units: string[], pick: (i: number) => number = (i) => i % 4, share = 1): Record<string, string> {
  const fields: Record<string, string> = {};
  const questions = form.sections.flatMap((s) => s.questions);
  const count = Math.ceil(questions.length * share);
  let i = 0;
  for (const unit of units) {
    for (const q of questions.slice(0, count)) {
      fields[`${unit}:${q.id}`] = q.options[pick(i++) % q.options.length]!.code;
    }
  }
  return fields;
}

export const formPost = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

export async function countRows(db: Db, table: 'responses' | 'drafts' | 'reports' | 'invitation_devices' | 'ballot_box'): Promise<number> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return Number(rows[0]!.n);
}

/**
 * Completes the invitations matching `where` as submissions do, without answers:
 * the status, and the count in the 10-minute bucket at 09:00 of `day`
 * (Asia/Ho_Chi_Minh), or now, that the daily series reads.
 */
export async function completeInvitations(db: Db, where: SQL, day?: string) {
  const bucket = day ? sql`(${day}::date + time '09:00') at time zone 'Asia/Ho_Chi_Minh'` : sql`to_timestamp(floor(extract(epoch from now()) / 600) * 600)`;
  await db.execute(sql`
    with done as (update invitations set status = 'completed' where (${where}) and status <> 'completed' returning campaign_id, body_code, group_code)
    insert into submission_counts as n (campaign_id, body_code, group_code, bucket, shard, n)
    select campaign_id, body_code, group_code, ${bucket}, 0, count(*)::int from done group by 1, 2, 3
    on conflict (campaign_id, body_code, group_code, bucket, shard) do update set n = n.n + excluded.n`);
}

/** Answers stored, whether still in the ballot box or already mixed into responses. */
export async function storedAnswers(db: Db): Promise<number> {
  return (await countRows(db, 'responses')) + (await countRows(db, 'ballot_box'));
}
