// Where a benchmarked path spends its CPU: the server process profiled with
// the inspector while only that path runs (self time by cost, leaf first), the
// PostgreSQL server's processes read from /proc, and the load generator's own
// CPU. Costs are in CPU milliseconds per request, so paths compare directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

type Frame = { functionName: string; url: string };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Cost names, tried on each sample's stack from the leaf up; the first that matches takes the sample. */
const RULES: [string, (f: Frame) => boolean][] = [
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['database driver (postgres.js, its socket)', (f) => /node_modules\/postgres\//.test(f.url)],
  ['query building (drizzle)', (f) => /node_modules\/drizzle-orm\//.test(f.url)],
  ['page templates (eta)', (f) => /node_modules\/eta\/|src\/web\/views/.test(f.url)],
  ['security headers (helmet)', (f) => /helmet/.test(f.url)],
  ['hashing and sealing (node:crypto)', (f) => /crypto/.test(f.url) || /^(Hmac|Hash|Cipheriv|Decipheriv|randomFillSync|digest|update)$/.test(f.functionName)],
  ['answer checks (questionnaire)', (f) => /src\/modules\/survey\/questionnaire/.test(f.url)],
  ['the service (src)', (f) => /\/src\//.test(f.url)],
  ['HTTP: sockets, parsing, fastify', (f) => /node_modules\/(fastify|find-my-way|fast-querystring|@fastify|light-my-request|avvio)|node:(_http|net|internal\/stream|internal\/streams|events)/.test(f.url) || /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f.functionName)],
];

function costsOf(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ruled = new Map<number, string | null>();
  const ruleOf = (id: number): string | null => {
    if (ruled.has(id)) return ruled.get(id)!;
    const frame = byId.get(id)!.callFrame;
    // Idle time, and the profiler's own start, are no cost of the path.
    if (frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.functionName === 'startProfile') return null;
    const above = parent.has(id) ? ruleOf(parent.get(id)!) : 'other';
    const own = RULES.find(([, test]) => test(frame))?.[0];
    const found = above === null ? null : (own ?? above);
    ruled.set(id, found);
    return found;
  };
  const costs = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const rule = ruleOf(id);
    if (rule) costs.set(rule, (costs.get(rule) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return costs;
}

/** Starts the inspector's profiler in this process; `stop` returns CPU ms per cost and the process's CPU ms. */
export async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  return {
    async stop() {
      const cpu = process.cpuUsage(cpu0);
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      session.disconnect();
      if (process.env.BENCH_PROFILE_DIR) writeFileSync(`${process.env.BENCH_PROFILE_DIR}/${Date.now()}.cpuprofile`, JSON.stringify(profile));
      const costs = costsOf(profile);
      const sampled = [...costs.values()].reduce((a, b) => a + b, 0);
      // Scale sampled self time to the CPU the process really used (the sampler misses native time off the JS thread).
      const scale = sampled ? (cpu.user + cpu.system) / 1000 / sampled : 0;
      return { cpuMs: (cpu.user + cpu.system) / 1000, costs: Object.fromEntries([...costs].map(([k, v]) => [k, v * scale])) };
    },
  };
}

/**
 * CPU milliseconds used so far by the given PostgreSQL processes (the
 * service's connections and the WAL writer, checkpointer and background
 * writer), read from /proc; PostgreSQL runs on this machine in the benchmark.
 */
export function postgresCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process has ended
    }
  }
  return ticks * (1000 / CLOCK_TICKS);
}
const CLOCK_TICKS = 100;

/** The processes `postgresCpuMs` reads: this database's connections and the server's shared writers. */
export const POSTGRES_PIDS_SQL = `select pid from pg_stat_activity where datname = current_database() or backend_type in ('walwriter', 'checkpointer', 'background writer')`;

export type PathCosts = { requests: number; costs: Record<string, number> };

/** The top `n` costs of a path in CPU ms per request, largest first. */
export function topCosts({ requests, costs }: PathCosts, n = 3): [string, number][] {
  return Object.entries(costs)
    .map(([k, v]) => [k, v / Math.max(1, requests)] as [string, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}
