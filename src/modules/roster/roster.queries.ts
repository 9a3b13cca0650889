import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { rowsOf, type Db } from '../../db/client.js';
import { campaignBodies, respondents, rosterImports } from '../../db/schema/index.js';
import { copyLines, INSERT_COLUMNS, type Merged, type NewRespondent } from './copy-text.js';

const CHUNK = 10_000;
/** Rows per COPY chunk: small enough that PGlite, running on this thread, holds it well under 100 ms. */
export const COPY_CHUNK = 1000;

/**
 * Bounds the import's transaction on the server: no statement runs longer, and a
 * client that stalls between statements loses its session rather than holding
 * a pooled connection (and the body's lock) for good.
 */
export async function boundTransaction(db: Db, seconds: number) {
  await db.execute(sql.raw(`set local statement_timeout = '${Math.round(seconds * 1000)}ms'`));
  await db.execute(sql.raw(`set local idle_in_transaction_session_timeout = '${Math.round(seconds * 1000)}ms'`));
}

export type BodyLock = { listState: 'draft' | 'submitted'; open: boolean; deadline: Date };

/** Locks the body's row for the transaction; `open` is judged on the database clock. */
export async function lockBody(db: Db, campaignId: string, bodyCode: string): Promise<BodyLock | undefined> {
  const rows = rowsOf<{ list_state: 'draft' | 'submitted'; open: boolean; deadline: string | Date }>(
    await db.execute(sql`
      select b.list_state, now() <= coalesce(b.list_deadline, c.list_deadline) as open, coalesce(b.list_deadline, c.list_deadline) as deadline
      from campaign_bodies b join campaigns c on c.id = b.campaign_id
      where b.campaign_id = ${campaignId} and b.code = ${bodyCode}
      for update of b`),
  );
  const r = rows[0];
  return r && { listState: r.list_state, open: r.open, deadline: new Date(r.deadline) };
}

export async function setListState(db: Db, campaignId: string, bodyCode: string, state: 'draft' | 'submitted') {
  await db
    .update(campaignBodies)
    .set({ listState: state, listSubmittedAt: state === 'submitted' ? sql`now()` : null })
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, bodyCode)));
}

const entryColumns = {
  id: respondents.id,
  group: respondents.groupCode,
  emailNorm: respondents.emailNorm,
  phoneNorm: respondents.phoneNorm,
  fullName: respondents.fullName,
  organisation: respondents.organisation,
  line: respondents.line,
  mergedInto: respondents.mergedInto,
  mergeReason: respondents.mergeReason,
};

/** What dedupe needs of every entry of a body's list. */
export async function bodyEntries(db: Db, campaignId: string, bodyCode: string) {
  return db.select(entryColumns).from(respondents).where(and(eq(respondents.campaignId, campaignId), eq(respondents.bodyCode, bodyCode)));
}

export async function bodyRespondents(db: Db, campaignId: string, bodyCode: string) {
  return db
    .select()
    .from(respondents)
    .where(and(eq(respondents.campaignId, campaignId), eq(respondents.bodyCode, bodyCode)))
    .orderBy(asc(respondents.groupCode), asc(respondents.line), asc(respondents.fullName), asc(respondents.id));
}

export async function findRespondent(db: Db, campaignId: string, bodyCode: string, id: string) {
  const [row] = await db
    .select()
    .from(respondents)
    .where(and(eq(respondents.campaignId, campaignId), eq(respondents.bodyCode, bodyCode), eq(respondents.id, id)));
  return row;
}

/** Deletes entries by id (those of the groups an import replaces). */
export async function deleteRespondents(db: Db, ids: readonly string[]) {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = JSON.stringify(ids.slice(i, i + CHUNK));
    await db.execute(sql`delete from respondents where id in (select jsonb_array_elements_text(${part}::jsonb)::uuid)`);
  }
}

/** Deletes an entry and the entries merged into it (the same person). */
export async function deletePerson(db: Db, campaignId: string, bodyCode: string, id: string) {
  await db
    .delete(respondents)
    .where(and(eq(respondents.campaignId, campaignId), eq(respondents.bodyCode, bodyCode), or(eq(respondents.id, id), eq(respondents.mergedInto, id))));
}

type CopyQuery = { writable(): Promise<Writable>; reject(error: unknown): void };

/** The postgres.js connection of a drizzle transaction, when the driver is postgres.js. */
function postgresClient(db: Db): { unsafe(q: string): CopyQuery } | null {
  const session = (db as unknown as { session?: { constructor: { name: string }; client?: unknown } }).session;
  const client = session?.client as { unsafe?: unknown } | undefined;
  return session?.constructor.name === 'PostgresJsSession' && typeof client?.unsafe === 'function' ? (client as never) : null;
}

/**
 * A COPY FROM STDIN stream whose `done` settles however the COPY ends. postgres.js
 * (3.4) drops an error the server sends after the stream was ended (the stream
 * neither finishes nor fails), which left an import waiting for ever on its
 * connection; the query's own rejection is caught here and fails `done`.
 */
async function copyIn(client: NonNullable<ReturnType<typeof postgresClient>>, statement: string) {
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  let answered: () => void = () => {};
  const serverAnswered = new Promise<void>((resolve) => (answered = resolve));
  const query = client.unsafe(statement);
  const reject = query.reject.bind(query);
  query.reject = (error: unknown) => {
    answered();
    fail(error);
    reject(error);
  };
  const stream = await query.writable();
  stream.on('error', fail);
  const write = async (text: string | Uint8Array) => {
    if (!stream.write(text)) await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), failed]);
  };
  const end = () => Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  /** Ends the COPY with an error (CopyFail): the server drops its rows and the connection is usable again. */
  const abort = async (error: unknown) => {
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
    await serverAnswered;
  };
  return { write, end, abort };
}

/**
 * Rows per COPY chunk of an import. PostgreSQL takes one streamed COPY, so
 * chunks only bound what is in flight (about 250 KB of text a chunk; larger
 * ones left more spent buffers waiting for the collector). PGlite runs each
 * chunk's COPY on the event loop's thread, so one chunk must stay short.
 */
export function copyChunkRows(db: Db): number {
  return postgresClient(db) ? 1000 : 250;
}

/** The PGlite transaction of a drizzle transaction, when the driver is PGlite. */
function pgliteClient(db: Db): { query(q: string, params: unknown[], options: { blob: Blob }): Promise<unknown> } | null {
  const client = (db as unknown as { session?: { client?: { query?: unknown } } }).session?.client;
  return postgresClient(db) === null && typeof client?.query === 'function' ? (client as never) : null;
}

/** Lets the event loop turn: PGlite runs each statement on this thread. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads COPY text chunks into respondents. On PostgreSQL one COPY on the
 * transaction's own connection, streamed chunk by chunk as they come; on PGlite
 * one COPY per chunk from an in-memory blob, with the event loop free between.
 */
export async function copyRespondents(db: Db, chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>) {
  const client = postgresClient(db);
  const statement = `copy respondents (${INSERT_COLUMNS}) from`;
  if (client) {
    let copy: Awaited<ReturnType<typeof copyIn>> | null = null;
    try {
      for await (const text of chunks) {
        copy ??= await copyIn(client, `${statement} stdin`);
        await copy.write(text);
      }
    } catch (error) {
      // The rows stopped coming (the file has an error, or its reader failed):
      // the COPY must end before the transaction can roll back.
      await copy?.abort(error);
      throw error;
    }
    await copy?.end();
    return;
  }
  const lite = pgliteClient(db);
  if (!lite) throw new Error('no COPY for this database driver');
  for await (const text of chunks) {
    await lite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    await yieldToLoop();
  }
}

/** Bulk insert of new entries, serialised chunk by chunk. */
export async function insertRespondents(db: Db, campaignId: string, bodyCode: string, importId: string | null, rows: readonly NewRespondent[], merged: (id: string) => Merged) {
  function* chunks() {
    for (let i = 0; i < rows.length; i += COPY_CHUNK) yield copyLines(rows.slice(i, i + COPY_CHUNK), { campaignId, bodyCode, importId }, merged);
  }
  await copyRespondents(db, chunks());
}

/**
 * Points entries at their kept entry (or back to none) in one statement per
 * chunk; on PGlite, which runs them on this thread, short ones with the event
 * loop free between.
 */
export async function setMerges(db: Db, changes: readonly { id: string; merged_into: string | null; merge_reason: string | null }[]) {
  const size = postgresClient(db) ? CHUNK : COPY_CHUNK;
  for (let i = 0; i < changes.length; i += size) {
    if (i > 0 && size === COPY_CHUNK) await yieldToLoop();
    const part = JSON.stringify(changes.slice(i, i + size));
    await db.execute(sql`
      update respondents t set merged_into = c.merged_into, merge_reason = c.merge_reason, updated_at = now()
      from jsonb_to_recordset(${part}::jsonb) as c(id uuid, merged_into uuid, merge_reason text)
      where t.id = c.id`);
  }
}

export async function updateRespondent(db: Db, id: string, values: Partial<typeof respondents.$inferInsert>) {
  await db.update(respondents).set({ ...values, updatedAt: sql`now()` }).where(eq(respondents.id, id));
}

export async function insertImport(db: Db, row: typeof rosterImports.$inferInsert) {
  await db.insert(rosterImports).values(row);
}

export async function lastImports(db: Db, campaignId: string, bodyCode: string, limit = 10) {
  return db
    .select()
    .from(rosterImports)
    .where(and(eq(rosterImports.campaignId, campaignId), eq(rosterImports.bodyCode, bodyCode)))
    .orderBy(sql`${rosterImports.createdAt} desc`)
    .limit(limit);
}

/** People listed (not merged) by more than one body of the campaign, by email or phone. */
export async function crossBodyDuplicates(db: Db, campaignId: string) {
  return rowsOf<{ kind: 'email' | 'phone'; value: string; bodies: string[]; names: string[] }>(
    await db.execute(sql`
      select 'email' as kind, email_norm as value, array_agg(distinct body_code order by body_code) as bodies, array_agg(distinct full_name) as names
      from respondents where campaign_id = ${campaignId} and merged_into is null
      group by email_norm having count(distinct body_code) > 1
      union all
      select 'phone', phone_norm, array_agg(distinct body_code order by body_code), array_agg(distinct full_name)
      from respondents where campaign_id = ${campaignId} and merged_into is null and phone_norm is not null
      group by phone_norm having count(distinct body_code) > 1
      order by 1, 2`),
  );
}

export async function finishImport(db: Db, id: string, report: { rows: number; imported: number; merged: number; warnings: unknown[] }) {
  await db.update(rosterImports).set({ rows: report.rows, imported: report.imported, merged: report.merged, warnings: report.warnings }).where(eq(rosterImports.id, id));
}
