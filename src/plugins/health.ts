// Liveness and readiness. /healthz says the process answers; /readyz says a
// request needing the database would be served now: the database answers and a
// pooled connection frees up within a second. A load balancer stops sending
// traffic to a process whose /readyz answers 503.
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { typed, type RoutePlugin } from '../http.js';

const PROBE_MS = 1000;

export const healthRoutes: RoutePlugin<{ database: Database }> = async (app, { database }) => {
  const r = typed(app);
  r.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });
  r.get('/readyz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'The database answers and a pooled connection is free', response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) } },
    handler: async () => {
      if (await database.probe(PROBE_MS)) return { status: 'ready' as const, database: database.kind };
      const pool = database.pool?.();
      if (pool && pool.inUse >= pool.size) throw new AppError('database_busy', 503, 'Mọi kết nối cơ sở dữ liệu đang bận; chưa nhận thêm yêu cầu.');
      throw new AppError('database_unavailable', 503, 'Cơ sở dữ liệu chưa sẵn sàng.');
    },
  });
};
