// Bare baselines measured in the same process as the national run: what the
// hardware does with no service in the way. An HTTP route that inserts one row,
// a multi-row insert of list rows, nodemailer straight to the sink.
import Fastify from 'fastify';
import nodemailer from 'nodemailer';
import postgres from 'postgres';
import { percentile } from './sink.js';

export async function bareHttpInsert(url: string, requests: number, concurrency: number) {
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  await sql`create table if not exists bench_bare (id bigserial primary key, body jsonb not null, at timestamptz not null default now())`;
  const app = Fastify({ logger: false });
  app.post('/bare', async (request) => {
    await sql`insert into bench_bare (body) values (${sql.json(request.body as never)})`;
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const t = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/bare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q1: 'A', q2: 'B', q3: 'C' }) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  await sql`drop table bench_bare`;
  await sql.end();
  return { perSecond: requests / seconds, p99: percentile(latencies, 99) };
}

export async function bareRowInsert(url: string, rows: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`create table if not exists bench_rows (id bigserial primary key, full_name text, email text, phone text, organisation text, position text, group_code text)`;
  const data = Array.from({ length: rows }, (_, i) => ({ full_name: `Nguyễn Văn ${i}`, email: `nguyen.van.${i}@hanoi.gov.vn`, phone: '0912345678', organisation: 'Sở Nội vụ', position: 'Trưởng phòng', group_code: 'lanh_dao_phong' }));
  const started = performance.now();
  for (let i = 0; i < data.length; i += 1000) await sql`insert into bench_rows ${sql(data.slice(i, i + 1000))}`;
  const seconds = (performance.now() - started) / 1000;
  await sql`drop table bench_rows`;
  await sql.end();
  return { perSecond: rows / seconds };
}

export async function bareMail(smtpUrl: string, messages: number, concurrency: number) {
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: concurrency, maxMessages: Infinity });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const i = next++;
        await transport.sendMail({ from: 'khaosat-cchc@localhost', to: `bare.${i}@hanoi.gov.vn`, subject: 'Phiếu khảo sát', text: `Kính gửi ông/bà, liên kết: http://127.0.0.1/s/${'A'.repeat(43)}`, messageId: `<bare-${i}-${Date.now()}@localhost>` });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { perSecond: messages / seconds };
}
