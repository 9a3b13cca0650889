// Reads a list in a thread of its own, within a time and a memory bound: the
// event loop keeps serving everyone else meanwhile, and a file built to exhaust
// the reader ends in a clear message instead of a stalled or dead process. For
// an import the thread hands out the rows to store as COPY text while it reads;
// the import then sends it the stored list, and the thread answers the report
// and the merges to apply.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import type { CopyScope } from './copy-text.js';
import type { DedupeEntry } from './dedupe.js';
import type { ParsedList } from './parse.js';
import type { ImportReport } from './report.js';
import type { RowRules } from './rows.js';

/**
 * `sheet`: a workbook's sheet by name or 1-based number; the first when absent.
 * `store`: the rows go out as COPY text for this scope, `chunkRows` to a chunk
 * (each row as kept: merges are applied once the whole file is read).
 */
export type ParseJob = { bytes: Uint8Array; rules: RowRules; maxRows: number; sheet?: string | undefined; store: { scope: CopyScope; chunkRows: number } | null };
export type ParsedSummary = Omit<ParsedList, 'candidates'> & { groups: string[] };
export type StoredEntry = DedupeEntry & { mergedInto: string | null; mergeReason: string | null };
export type FreshEntry = DedupeEntry & { line: number };
export type MergeChange = { id: string; merged_into: string | null; merge_reason: string | null };

export type ReaderRequest = { type: 'job'; job: ParseJob } | { type: 'settle'; existing: StoredEntry[]; priorities: [string, number][] } | { type: 'taken'; rows: number };
export type ReaderMessage =
  | { type: 'chunk'; bytes: Uint8Array; rows: number }
  /** No more rows: the file was read without an error (`ok`), or it has one. */
  | { type: 'rows_end'; ok: boolean }
  | { type: 'parsed'; summary: ParsedSummary }
  | { type: 'too_many_rows'; limit: number }
  /** `changes`: merges of stored entries; `rest`: the rows held back, as COPY text chunks (UTF-8), to store before applying them. */
  | { type: 'settled'; report: ImportReport; changes: MergeChange[]; rest: Uint8Array[] };

/** The file has errors: what was stored of it must be rolled back; `parsed()` tells them. */
export class ListHasErrors extends Error {
  constructor() {
    super('the list has errors');
  }
}

export type ParseLimits = { timeoutMs: number; memoryMb: number };
const defaults: ParseLimits = { timeoutMs: 120_000, memoryMb: 768 };

export const tooComplex = () =>
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

const entry = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.mjs' : './parse.worker.js', import.meta.url);
const startReader = (memoryMb: number) => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 8 } });

/**
 * A thread started ahead for the next list: starting one (loading its code)
 * takes a good part of reading a list of a few hundred rows. It is started
 * once a list is done, not while one is read, so that it adds nothing to an
 * import's peak memory. Each list still gets a fresh thread; the spare only
 * waits, and does not keep the process alive.
 */
let spare: { worker: Worker; alive: boolean } | null = null;

function startSpare() {
  if (spare?.alive) return;
  const next = { worker: startReader(defaults.memoryMb), alive: true };
  next.worker.unref();
  next.worker.once('exit', () => (next.alive = false));
  next.worker.once('error', () => (next.alive = false));
  spare = next;
}

function freshReader(memoryMb: number) {
  if (memoryMb !== defaults.memoryMb || !spare?.alive) return startReader(memoryMb);
  const { worker } = spare;
  spare = null;
  worker.ref();
  return worker;
}

/** Starts reading the file at once. Always `close()` the reader. */
export async function openListReader(job: ParseJob, limits: Partial<ParseLimits> = {}) {
  const { timeoutMs, memoryMb } = { ...defaults, ...limits };
  const release = await turn();
  const worker = freshReader(memoryMb);
  worker.postMessage({ type: 'job', job } satisfies ReaderRequest);
  let failure: Error | null = null;
  // Messages by kind, in order (a chunk and the end of the rows are one kind).
  type Box = { items: ReaderMessage[]; waiting: { resolve(m: ReaderMessage): void; reject(e: Error): void }[] };
  const boxes = new Map<string, Box>();
  const box = (type: ReaderMessage['type']) => {
    const key = type === 'rows_end' ? 'chunk' : type;
    let b = boxes.get(key);
    if (!b) boxes.set(key, (b = { items: [], waiting: [] }));
    return b;
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const b of boxes.values()) for (const w of b.waiting.splice(0)) w.reject(failure);
    void worker.terminate();
  };
  worker.once('exit', release);
  worker.on('message', (m: ReaderMessage) => {
    if (m.type === 'too_many_rows') return fail(tooManyRows(m.limit));
    const b = box(m.type);
    const w = b.waiting.shift();
    if (w) w.resolve(m);
    else b.items.push(m);
    // The thread has nothing left to do: its memory goes back before the import's last statements.
    if (m.type === 'settled') void worker.terminate();
  });
  worker.on('error', (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : error));
  worker.on('exit', () => fail(new Error('the list reader stopped')));

  /** The thread's next message of a kind, within the time bound. */
  function next<T extends ReaderMessage['type']>(type: T): Promise<ReaderMessage> {
    // A message that came before the thread stopped still counts.
    const b = box(type);
    if (b.items.length) return Promise.resolve(b.items.shift()!);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(tooComplex()), timeoutMs);
      b.waiting.push({
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }

  let parsed: Promise<ParsedSummary> | null = null;
  return {
    /** What the file holds once it is read: its rows, problems and groups. */
    parsed() {
      parsed ??= next('parsed').then((m) => (m as Extract<ReaderMessage, { type: 'parsed' }>).summary);
      return parsed;
    },
    /**
     * The rows to store as COPY text while the file is read; ends after the
     * last row, or throws ListHasErrors at the file's first error.
     */
    async *rows(): AsyncGenerator<{ bytes: Uint8Array; rows: number }> {
      for (;;) {
        const m = await next('chunk');
        if (m.type === 'rows_end') {
          if (!m.ok) throw new ListHasErrors();
          return;
        }
        if (m.type !== 'chunk') throw new Error(`list reader sent ${m.type}, not a chunk`);
        yield m;
        worker.postMessage({ type: 'taken', rows: m.rows } satisfies ReaderRequest);
      }
    },
    /**
     * Dedupes the file against the body's stored list (`existing`, all of it:
     * the thread leaves out the groups the file replaces), once the file is read.
     * Answers the report and the merges to apply to the stored entries.
     */
    settle(existing: StoredEntry[], priorities: ReadonlyMap<string, number>) {
      const answer = next('settled') as Promise<Extract<ReaderMessage, { type: 'settled' }>>;
      // Heard by the import once its COPY is done; if the COPY fails first, nobody asks.
      answer.catch(() => {});
      worker.postMessage({ type: 'settle', existing, priorities: [...priorities] } satisfies ReaderRequest);
      return answer;
    },
    close() {
      failure ??= new Error('the list reader was closed');
      void worker.terminate();
      startSpare();
    },
  };
}
