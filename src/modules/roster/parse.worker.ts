// The thread that reads an uploaded list and works out what it changes:
// decoding, parsing, checking, deduplicating and the report take seconds of CPU
// for a big file, which must not stop the service's event loop. For an import,
// each checked row goes out as COPY text while the file is still being read
// (a chunk at a time, never far ahead of the database); the thread keeps only
// what the dedupe and the report need of each row, and once the file is read
// and the stored list has come, answers the report and the merges to apply.
// A row whose email or phone came earlier in the file is most likely merged:
// it is held back and stored after the dedupe with its merge, which spares
// updating it (an update of a row costs more than its insert).
import { parentPort } from 'node:worker_threads';
import { copyLine, copyLines, copyScope } from './copy-text.js';
import { dedupe } from './dedupe.js';
import { newIds } from './ids.js';
import { readList, TooManyRows, type ParsedList } from './parse.js';
import type { FreshEntry, MergeChange, ParseJob, ReaderMessage, ReaderRequest, StoredEntry } from './parse-thread.js';
import { importReport } from './report.js';
import type { Candidate } from './rows.js';
import { flat } from './text.js';
import { notAList, parseWorkbook, sniff } from './workbook.js';

/** Rows sent ahead of the database at most: about 1 MB of COPY text. */
const AHEAD_ROWS = 4000;

const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
const encoder = new TextEncoder();
/** COPY text goes to the import as bytes handed over whole, not copied into its heap. */
const encoded = (text: string) => encoder.encode(text);
// The thread may be started ahead of its list: it waits for it first.
const job = await new Promise<ParseJob>((resolve) =>
  parentPort!.once('message', (m: ReaderRequest) => {
    if (m.type === 'job') resolve(m.job);
  }),
);

const fresh: FreshEntry[] = [];
const groups = new Set<string>();
let ids: string[] = [];
/** Rows held back until the dedupe, whole, with their ids. */
const held: (Candidate & { id: string })[] = [];
const seen = new Set<string>();
const lineScope = job.store ? copyScope(job.store.scope) : null;
/** The rows not yet sent, as COPY lines: a row's objects need not live until its chunk goes. */
let chunk = '';
let chunkRows = 0;
let posted = 0;
let taken = 0;
/** Whether rows still go out: until the last row, or the first error. */
let streaming = job.store !== null;
let credit: (() => void) | null = null;
let settleRequest: (request: Extract<ReaderRequest, { type: 'settle' }>) => void;
const settleRequested = new Promise<Extract<ReaderRequest, { type: 'settle' }>>((resolve) => (settleRequest = resolve));

parentPort!.on('message', (m: ReaderRequest) => {
  if (m.type === 'taken') {
    taken += m.rows;
    credit?.();
  } else if (m.type === 'settle') settleRequest(m);
});

function flush() {
  if (!chunkRows) return;
  const bytes = encoded(chunk);
  post({ type: 'chunk', bytes, rows: chunkRows }, [bytes.buffer as ArrayBuffer]);
  posted += chunkRows;
  chunk = '';
  chunkRows = 0;
}

function candidate(c: Candidate) {
  if (!ids.length) ids = newIds(1000).reverse();
  const id = ids.pop()!;
  groups.add(c.group);
  // Copies, so that no kept name or address holds a piece of the file's text.
  fresh.push({ id, group: c.group, emailNorm: flat(c.emailNorm), phoneNorm: c.phoneNorm === null ? null : flat(c.phoneNorm), fullName: flat(c.fullName), organisation: c.organisation, line: c.line });
  if (!streaming) return;
  const again = seen.has(c.emailNorm) || (c.phoneNorm !== null && seen.has(c.phoneNorm));
  seen.add(fresh.at(-1)!.emailNorm);
  if (c.phoneNorm !== null) seen.add(fresh.at(-1)!.phoneNorm!);
  if (again) {
    // Copies, as above: a held row is kept whole until the end.
    const e = fresh.at(-1)!;
    held.push({ ...c, id, fullName: e.fullName, emailNorm: e.emailNorm, phoneNorm: e.phoneNorm, email: flat(c.email), phone: c.phone === null ? null : flat(c.phone) });
    return;
  }
  chunk += copyLine(Object.assign(c, { id }), lineScope!, undefined);
  if (++chunkRows >= job.store!.chunkRows) flush();
}

/** Between pieces of the file: stops the rows at the first error, and waits while the database is far behind. */
async function pace(out: ParsedList) {
  if (out.errors.length) {
    // Nothing of the file is stored now; only its problems are reported.
    fresh.length = 0;
    if (streaming) {
      streaming = false;
      chunk = '';
      chunkRows = 0;
      held.length = 0;
      seen.clear();
      post({ type: 'rows_end', ok: false });
    }
    return;
  }
  if (!streaming) return;
  while (posted - taken > AHEAD_ROWS) await new Promise<void>((resolve) => (credit = resolve));
  credit = null;
}

async function read(): Promise<ParsedList | null> {
  try {
    const file = sniff(job.bytes);
    if (file.kind === 'other') return notAList(file.message);
    if (file.kind === 'xlsx') return await parseWorkbook(job.bytes, job.rules, job.maxRows, job.sheet, candidate, pace);
    return await readList(job.bytes, job.rules, job.maxRows, candidate, pace);
  } catch (error) {
    if (error instanceof TooManyRows) post({ type: 'too_many_rows', limit: error.limit });
    else throw error;
    return null;
  }
}

/**
 * Dedupes the file's rows against the stored list as it will be once the
 * replaced groups are deleted: their entries gone, and entries merged into one
 * of them no longer merged (the foreign key sets that to null).
 */
function settle(parsed: ParsedList, request: Extract<ReaderRequest, { type: 'settle' }>) {
  const replaced = new Set([...(job.rules.defaultGroup ? [job.rules.defaultGroup] : []), ...groups]);
  const gone = new Set(request.existing.filter((e) => replaced.has(e.group)).map((e) => e.id));
  const existing: StoredEntry[] = request.existing
    .filter((e) => !replaced.has(e.group))
    .map((e) => (e.mergedInto !== null && gone.has(e.mergedInto) ? { ...e, mergedInto: null } : e));
  const result = dedupe(existing.length ? [...existing, ...fresh] : fresh, new Map(request.priorities));
  const mergeOf = new Map(result.merges.map((m) => [m.droppedId, m]));
  const report = importReport(parsed, result, fresh, existing);
  // The rows stored so far went in as kept: those merged now point at their kept entry.
  const heldIds = new Set(held.map((c) => c.id));
  const existingIds = new Set(existing.map((e) => e.id));
  const changes: MergeChange[] = [];
  for (const m of result.merges) if (!heldIds.has(m.droppedId) && !existingIds.has(m.droppedId)) changes.push({ id: m.droppedId, merged_into: m.keptId, merge_reason: m.reason });
  for (const e of existing) {
    const m = mergeOf.get(e.id);
    const to = m?.keptId ?? null;
    const reason = m?.reason ?? null;
    if (to !== e.mergedInto || reason !== e.mergeReason) changes.push({ id: e.id, merged_into: to, merge_reason: reason });
  }
  // The held rows with their merges, kept ones first so that merged ones point at stored rows.
  const ordered = [...held.filter((c) => !mergeOf.has(c.id)), ...held.filter((c) => mergeOf.has(c.id))];
  const rest: Uint8Array[] = [];
  const store = job.store;
  if (store) for (let i = 0; i < ordered.length; i += store.chunkRows) rest.push(encoded(copyLines(ordered.slice(i, i + store.chunkRows), store.scope, (id) => mergeOf.get(id))));
  post({ type: 'settled', report, changes, rest }, rest.map((b) => b.buffer as ArrayBuffer));
}

const parsed = await read();
// The kept entries hold all that is needed of the file from here on.
job.bytes = new Uint8Array(0);
seen.clear();
if (parsed) {
  const { candidates: _, ...summary } = parsed;
  const ok = summary.errors.length === 0;
  if (streaming) {
    if (ok) flush();
    post({ type: 'rows_end', ok });
  }
  post({ type: 'parsed', summary: { ...summary, groups: [...groups] } });
  if (ok) settle(parsed, await settleRequested);
}
