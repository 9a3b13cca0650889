// The postgres.js client as drizzle sees it, with every statement outside a
// transaction and every transaction passing through the gate first. postgres.js
// itself queues without limit (and pipelines behind a busy connection), so without
// the gate one stuck statement could make every request wait for good.
import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';
import type { Gate } from './gate.js';

type Unsafe = postgres.Sql['unsafe'];

/** postgres.js queries run when awaited; this one waits for the gate first. */
class GatedQuery implements PromiseLike<unknown> {
  #values = false;
  #result: Promise<unknown> | undefined;
  constructor(
    private readonly gate: Gate,
    private readonly start: () => postgres.PendingQuery<postgres.Row[]>,
  ) {}

  values(): this {
    this.#values = true;
    return this;
  }

  then<A = unknown, B = never>(onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.#result ??= this.gate.run(() => (this.#values ? this.start().values() : this.start()));
    return this.#result.then(onFulfilled, onRejected);
  }
}

/**
 * Whether a statement is kept prepared on its connection, so PostgreSQL plans it
 * once rather than on every call (drizzle asks postgres.js for unnamed
 * statements). Large generated statements, such as multi-row inserts, are not:
 * each size would be one more plan kept on every connection.
 */
export function keepPrepared(query: string, params: readonly unknown[] | undefined): boolean {
  return params !== undefined && params.length > 0 && params.length <= MAX_PREPARED_PARAMS && query.length <= MAX_PREPARED_LENGTH;
}
const MAX_PREPARED_PARAMS = 64;
const MAX_PREPARED_LENGTH = 8_000;

export function gatedClient(client: postgres.Sql, gate: Gate): postgres.Sql {
  const unsafe = ((query: string, params?: unknown[], options?: { prepare?: boolean }) =>
    new GatedQuery(gate, () => client.unsafe(query, params as never, { ...options, prepare: options?.prepare || keepPrepared(query, params) } as never))) as unknown as Unsafe;
  const begin = ((...args: unknown[]) => gate.run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args))) as postgres.Sql['begin'];
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin') return begin;
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The same for PGlite, whose drizzle session calls only `query` and `transaction`. */
export function gatedPglite(client: PGlite, gate: Gate): PGlite {
  const query = ((...args: unknown[]) => gate.run(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args))) as PGlite['query'];
  const transaction = ((...args: unknown[]) => gate.run(() => (client.transaction as (...a: unknown[]) => Promise<unknown>)(...args))) as PGlite['transaction'];
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'transaction') return transaction;
      // PGlite keeps private fields: its own methods must run on the instance itself.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
