// MJML runs in a short-lived worker thread, never in the process's own heap:
// loaded, it holds tens of MB (mjml, its parser, minifier and juice) for good,
// while a campaign's mail is compiled once to HTML strings with slots. The
// worker starts on the first render, serves the renders asked for while it is
// up, and ends as soon as none is pending; its heap goes with it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The worker's whole program: import MJML, answer each source with its HTML or its error. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.mjml).then((m) => m.default);
parentPort.on('message', async ({ id, source, options }) => {
  try {
    const mjml2html = await loading;
    const result = await mjml2html(source, options);
    parentPort.postMessage({ id, html: result.html });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
  }
});
`;

const mjmlUrl = () => pathToFileURL(createRequire(import.meta.url).resolve('mjml')).href;

type Pending = { resolve: (html: string) => void; reject: (error: Error) => void };
type Reply = { id: number; html?: string; error?: string };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  // No execArgv: the worker needs no TypeScript loader or other flag of the parent.
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { mjml: mjmlUrl() }, execArgv: [] });
  w.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    const settle = () => (reply.error !== undefined ? p.reject(new Error(reply.error)) : p.resolve(reply.html!));
    if (pending.size > 0 || worker !== w) return settle();
    // The last render answers once the worker has ended, so that what follows
    // (sending) starts with the worker's memory already given back.
    worker = null;
    void w.terminate().finally(settle);
  });
  w.on('error', (error) => {
    if (worker === w) worker = null;
    failAll(error);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    if (pending.size > 0) failAll(new Error(`Tiến trình dựng mẫu thư MJML dừng bất thường (mã ${code}).`));
  });
  return w;
}

/** MJML to HTML in the worker; `options` are mjml2html's. */
export function renderMjml(source: string, options: Record<string, unknown>): Promise<string> {
  worker ??= startWorker();
  const id = nextId++;
  const reply = new Promise<string>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, source, options });
  return reply;
}
