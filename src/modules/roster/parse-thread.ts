// Reads a list in a thread of its own, within a time and a memory bound: the
// event loop keeps serving everyone else meanwhile, and a file built to exhaust
// the reader ends in a clear message instead of a stalled or dead process. The
// thread keeps the checked rows; the import asks it for the dedupe against the
// stored list, then pulls the rows to store chunk by chunk, and the report last.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import type { CopyScope } from './copy-text.js';
import type { DedupeEntry } from './dedupe.js';
import type { ParsedList } from './parse.js';
import type { ImportReport } from './report.js';
import type { RowRules } from './rows.js';

/** `sheet`: a workbook's sheet by name or 1-based number; the first when absent. */
export type ParseJob = { bytes: Uint8Array; rules: RowRules; maxRows: number; sheet?: string | undefined };
export type ParsedSummary = Omit<ParsedList, 'candidates'> & { groups: string[] };
export type StoredEntry = DedupeEntry & { mergedInto: string | null; mergeReason: string | null };
export type MergeChange = { id: string; merged_into: string | null; merge_reason: string | null };

export type ReaderRequest =
  | { type: 'settle'; existing: StoredEntry[]; priorities: [string, number][]; store: { scope: CopyScope; chunkRows: number } | null }
  | { type: 'next' };
export type ReaderMessage =
  | { type: 'parsed'; summary: ParsedSummary }
  | { type: 'too_many_rows'; limit: number }
  | { type: 'settled'; report: ImportReport; changes: MergeChange[] }
  | { type: 'chunk'; text: string | null };

export type ParseLimits = { timeoutMs: number; memoryMb: number };
const defaults: ParseLimits = { timeoutMs: 120_000, memoryMb: 768 };

const tooComplex = () =>
  new AppError('file_too_complex', 422, 'Không đọc được tệp trong giới hạn thời gian và bộ nhớ cho một lần tải. Hãy kiểm tra tệp có đúng là danh sách (CSV hoặc Excel) không, hoặc chia danh sách thành nhiều tệp theo nhóm.');

const tooManyRows = (limit: number) =>
  new AppError('too_many_rows', 422, `Tệp có hơn ${limit} dòng, vượt giới hạn cho một lần tải. Hãy chia danh sách thành nhiều tệp theo nhóm.`);

export type ListReader = Awaited<ReturnType<typeof openListReader>>;

/** Lists read at once: each reader may use up to `memoryMb`, so the process's total stays bounded; others wait their turn. */
const MAX_READERS = 2;
let readers = 0;
const queue: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (readers >= MAX_READERS) await new Promise<void>((resolve) => queue.push(resolve));
  readers++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    readers--;
    queue.shift()?.();
  };
}

/** Starts reading; answers once the file is parsed and checked. Always `close()` it. */
export async function openListReader(job: ParseJob, limits: Partial<ParseLimits> = {}) {
  const { timeoutMs, memoryMb } = { ...defaults, ...limits };
  const release = await turn();
  const worker = new Worker(new URL(import.meta.url.endsWith('.ts') ? './parse-worker.mjs' : './parse.worker.js', import.meta.url), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  let failure: Error | null = null;
  const waiting: { resolve(m: ReaderMessage): void; reject(e: Error): void }[] = [];
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
    void worker.terminate();
  };
  worker.once('exit', release);
  worker.on('message', (m: ReaderMessage) => (m.type === 'too_many_rows' ? fail(tooManyRows(m.limit)) : waiting.shift()?.resolve(m)));
  worker.on('error', (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : error));
  worker.on('exit', () => fail(new Error('the list reader stopped')));

  /** The thread's next message, within the time bound. */
  function next<T extends ReaderMessage['type']>(type: T): Promise<Extract<ReaderMessage, { type: T }>> {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(tooComplex()), timeoutMs);
      waiting.push({
        resolve: (m) => (clearTimeout(timer), m.type === type ? resolve(m as never) : reject(new Error(`list reader sent ${m.type}, not ${type}`))),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }

  const { summary } = await next('parsed');
  return {
    summary,
    /** Dedupes the file against `existing` and answers the report and the changes to stored entries; nothing is stored. */
    async settle(existing: StoredEntry[], priorities: ReadonlyMap<string, number>) {
      const answer = next('settled');
      worker.postMessage({ type: 'settle', existing, priorities: [...priorities], store: null } satisfies ReaderRequest);
      return answer;
    },
    /**
     * Dedupes the file against `existing`, then hands out the rows to store as
     * COPY text, `chunkRows` rows a chunk; `settled` answers once every chunk
     * was taken (the thread builds the report meanwhile).
     */
    store(existing: StoredEntry[], priorities: ReadonlyMap<string, number>, scope: CopyScope, chunkRows: number) {
      worker.postMessage({ type: 'settle', existing, priorities: [...priorities], store: { scope, chunkRows } } satisfies ReaderRequest);
      let settled: Promise<Extract<ReaderMessage, { type: 'settled' }>> | null = null;
      async function* chunks(): AsyncGenerator<string> {
        for (;;) {
          const answer = next('chunk');
          worker.postMessage({ type: 'next' } satisfies ReaderRequest);
          const { text } = await answer;
          if (text === null) {
            settled = next('settled');
            // Awaited by the import once the COPY is done; if the COPY fails
            // instead, the reader is closed and this rejection goes unheard.
            settled.catch(() => {});
            return;
          }
          yield text;
        }
      }
      return {
        chunks: chunks(),
        settled: () => settled ?? Promise.reject(new Error('the rows were not all taken')),
      };
    },
    close() {
      failure ??= new Error('the list reader was closed');
      void worker.terminate();
    },
  };
}
