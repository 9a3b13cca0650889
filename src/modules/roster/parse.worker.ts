// The thread that reads an uploaded list and works out what it changes:
// decoding, parsing, checking, deduplicating and the report take seconds of CPU
// for a big file, which must not stop the service's event loop. Only the
// report and the rows to store (as COPY text, one chunk per request) go back.
import { parentPort, workerData } from 'node:worker_threads';
import { copyLines } from './copy-text.js';
import { dedupe } from './dedupe.js';
import { newIds } from './ids.js';
import { parseList, TooManyRows, type ParsedList } from './parse.js';
import type { ReaderRequest, ParseJob, ReaderMessage } from './parse-thread.js';
import { importReport } from './report.js';
import type { Candidate } from './rows.js';
import { notAList, parseWorkbook, sniff } from './workbook.js';

const post = (message: ReaderMessage) => parentPort!.postMessage(message);

async function read(job: ParseJob) {
  try {
    const file = sniff(job.bytes);
    if (file.kind === 'other') return notAList(file.message);
    if (file.kind === 'xlsx') return await parseWorkbook(job.bytes, job.rules, job.maxRows, job.sheet);
    return parseList(job.bytes, job.rules, job.maxRows);
  } catch (error) {
    if (error instanceof TooManyRows) post({ type: 'too_many_rows', limit: error.limit });
    else throw error;
    return null;
  }
}

function settle(parsed: ParsedList, request: Extract<ReaderRequest, { type: 'settle' }>) {
  const fresh = parsed.candidates as (Candidate & { id: string })[];
  const ids = newIds(fresh.length);
  fresh.forEach((c, i) => (c.id = ids[i]!));
  const result = dedupe(request.existing.length ? [...request.existing, ...fresh] : fresh, new Map(request.priorities));
  const mergeOf = new Map(result.merges.map((m) => [m.droppedId, m]));
  const settled = () => {
    const report = importReport(parsed, result, fresh, request.existing);
    const changes = request.existing.flatMap((e) => {
      const m = mergeOf.get(e.id);
      const to = m?.keptId ?? null;
      const reason = m?.reason ?? null;
      return to === e.mergedInto && reason === e.mergeReason ? [] : [{ id: e.id, merged_into: to, merge_reason: reason }];
    });
    post({ type: 'settled', report, changes });
  };
  if (!request.store) return settled();
  // The rows go first and the report after the last chunk: the report is built
  // while the database still works through the COPY. Kept entries first, so
  // that merged ones point at stored rows.
  const ordered = [...fresh.filter((c) => !mergeOf.has(c.id)), ...fresh.filter((c) => mergeOf.has(c.id))];
  const { scope, chunkRows } = request.store;
  let next = 0;
  parentPort!.on('message', (m: ReaderRequest) => {
    if (m.type !== 'next') return;
    const rows = ordered.slice(next, next + chunkRows);
    next += chunkRows;
    post({ type: 'chunk', text: rows.length ? copyLines(rows, scope, (id) => mergeOf.get(id)) : null });
    if (!rows.length) settled();
  });
}

const job = workerData as ParseJob;
const parsed = await read(job);
// The candidates hold all that is needed of the file from here on.
job.bytes = new Uint8Array(0);
if (parsed) {
  const { candidates, ...summary } = parsed;
  post({ type: 'parsed', summary: { ...summary, groups: [...new Set(candidates.map((c) => c.group))] } });
  if (summary.errors.length === 0) parentPort!.once('message', (request: ReaderRequest) => request.type === 'settle' && settle(parsed, request));
}
