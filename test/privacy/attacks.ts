// The attacker's side of the linkage suite: snapshots of what a reader of the
// database (and of the body's progress) sees, and the inferences that narrow a
// stored response to the people who could have sent it. Each inference is sound
// for the code it attacks: it only removes people who cannot be the sender.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/db/client.js';

export type Row = Record<string, unknown> & { id: string; cell: string; xmin: string; xmax: string; ctid: string };

export type Snapshot = {
  at: number;
  responses: Row[];
  invitations: (Row & { status: string })[];
  /** Rows waiting in a holding table, if the service has one. */
  box: Row[];
  /** invitation id → completed, as the body's progress shows it. */
  completed: Set<string>;
};

const cellOf = sql`campaign_id || '/' || body_code || '/' || group_code`;

async function read(db: Db, table: string): Promise<Row[]> {
  const exists = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass(${table})::text as t`))[0]!.t;
  if (!exists) return [];
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select t.id::text as id, ${cellOf} as cell, t.xmin::text as xmin, t.xmax::text as xmax, t.ctid::text as ctid, row_to_json(t)::text as j
      from ${sql.identifier(table)} t`),
  );
  return rows.map((r) => ({ ...(JSON.parse(r.j as string) as Record<string, unknown>), id: r.id as string, cell: r.cell as string, xmin: r.xmin as string, xmax: r.xmax as string, ctid: r.ctid as string }));
}

export async function snapshot(db: Db, completed: Set<string>, responseTable = 'responses'): Promise<Snapshot> {
  const [responses, invitations, box] = await Promise.all([read(db, responseTable), read(db, 'invitations'), read(db, 'ballot_box')]);
  return { at: Date.now(), responses, invitations: invitations as Snapshot['invitations'], box, completed: new Set(completed) };
}

/** Who could have sent each response: starts as everyone, narrowed by each inference. */
export class Candidates {
  readonly sets = new Map<string, Set<string>>();
  constrain(responseId: string, people: Iterable<string>) {
    const next = new Set(people);
    const current = this.sets.get(responseId);
    this.sets.set(responseId, current ? new Set([...current].filter((p) => next.has(p))) : next);
  }
}

const byCell = <T extends { cell: string }>(rows: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) (m.get(r.cell) ?? m.set(r.cell, []).get(r.cell)!).push(r);
  return m;
};

/** Equal system columns (the same writing transaction, the same locker) between a response and invitations of its cell. */
export function systemColumns(s: Snapshot, c: Candidates) {
  const invitations = byCell(s.invitations);
  for (const r of s.responses) {
    for (const col of ['xmin', 'xmax'] as const) {
      if (r[col] === '0') continue;
      const same = (invitations.get(r.cell) ?? []).filter((i) => i[col] === r[col]).map((i) => i.id);
      if (same.length) c.constrain(r.id, same);
    }
  }
}

const skip = new Set(['id', 'campaign_id', 'body_code', 'group_code', 'answers', 'status', 'cell', 'xmin', 'xmax', 'ctid']);

/** A value copied from the invitation onto the response (a column of the same name holding the same value). */
export function copiedColumns(s: Snapshot, c: Candidates) {
  const invitations = byCell(s.invitations);
  for (const r of s.responses) {
    for (const [col, value] of Object.entries(r)) {
      if (skip.has(col) || value === null || value === undefined) continue;
      const cell = invitations.get(r.cell) ?? [];
      if (!cell.some((i) => col in i)) continue;
      const same = cell.filter((i) => i.status === 'completed' && String(i[col]) === String(value)).map((i) => i.id);
      if (same.length) c.constrain(r.id, same);
    }
  }
}

const day = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v).length === 10 ? `${String(v)}T00:00:00+07:00` : String(v)).getTime());

/**
 * Time windows per cell: nobody whose invitation shows it was completed (or
 * last opened, or last touched) after a response's time can have sent it.
 */
export function timeWindows(s: Snapshot, c: Candidates) {
  const invitations = byCell(s.invitations);
  for (const r of s.responses) {
    const at = day(r.submitted_at);
    if (at === null) continue;
    const possible = (invitations.get(r.cell) ?? []).filter((i) => i.status === 'completed' && [i.completed_on, i.first_opened_at, i.updated_at].every((v) => day(v) === null || day(v)! <= at + 60_000));
    c.constrain(r.id, possible.map((i) => i.id));
  }
}

/**
 * Polling between submissions. New responses of a cell come from people who
 * completed by now; when every earlier completer's response was already out,
 * they come from the new completers only; and when rows of a holding table tied
 * (by xmin) to known people vanish as the responses appear, from those people.
 */
export function polling(prev: Snapshot, now: Snapshot, c: Candidates, boxOwners: Map<string, string>) {
  for (const b of now.box) {
    const same = now.invitations.filter((i) => i.xmin === b.xmin);
    if (same.length === 1 && !boxOwners.has(b.id)) boxOwners.set(b.id, same[0]!.id);
  }
  const seen = new Set(prev.responses.map((r) => r.id));
  const fresh = byCell(now.responses.filter((r) => !seen.has(r.id)));
  const inCell = (s: Snapshot, cell: string) => s.invitations.filter((i) => i.cell === cell && s.completed.has(i.id)).map((i) => i.id);
  const stillBoxed = new Set(now.box.map((b) => b.id));
  for (const [cell, rows] of fresh) {
    const before = inCell(prev, cell);
    const allOut = prev.responses.filter((r) => r.cell === cell).length === before.length;
    const after = inCell(now, cell);
    const people = allOut ? after.filter((p) => !before.includes(p)) : after;
    const vanished = prev.box.filter((b) => b.cell === cell && !stillBoxed.has(b.id));
    const owners = vanished.map((b) => boxOwners.get(b.id)).filter((p): p is string => p !== undefined);
    for (const r of rows) {
      c.constrain(r.id, people);
      if (vanished.length === rows.length && owners.length === vanished.length) c.constrain(r.id, owners);
    }
  }
}

const ctidKey = (ctid: string) => {
  const [page, item] = ctid.replace(/[()]/g, '').split(',').map(Number);
  return page! * 100_000 + item!;
};
const order = (a: Row, b: Row) => Number(BigInt(a.xmin) - BigInt(b.xmin)) || ctidKey(a.ctid) - ctidKey(b.ctid);

/** Ranks responses and completed invitations of each cell by (xmin, ctid) and pairs them; returns the pairing guessed. */
export function orderPairing(s: Snapshot): Map<string, string> {
  const guess = new Map<string, string>();
  const invitations = byCell(s.invitations.filter((i) => i.status === 'completed'));
  for (const [cell, rows] of byCell(s.responses)) {
    const sortedR = [...rows].sort(order);
    const sortedI = [...(invitations.get(cell) ?? [])].sort(order);
    sortedR.forEach((r, n) => sortedI[n] && guess.set(r.id, sortedI[n]!.id));
  }
  return guess;
}

export type Exposure = { response: string; cell: string; candidates: number; needed: number };

/**
 * Responses the attacker narrowed to fewer than min(k, completed in the cell)
 * people, the sender among them. `truth` maps response id → invitation id.
 */
export function exposures(final: Snapshot, c: Candidates, truth: Map<string, string>, k = 5): Exposure[] {
  const completed = new Map<string, number>();
  for (const i of final.invitations) if (i.status === 'completed') completed.set(i.cell, (completed.get(i.cell) ?? 0) + 1);
  const out: Exposure[] = [];
  for (const r of final.responses) {
    const set = c.sets.get(r.id);
    const sender = truth.get(r.id);
    if (!set || !sender || !set.has(sender)) continue;
    const needed = Math.min(k, completed.get(r.cell) ?? 0);
    if (set.size < needed) out.push({ response: r.id, cell: r.cell, candidates: set.size, needed });
  }
  return out;
}

/** The canonical form of an answer sheet, to tell which person sent which response. */
export function sheetKey(answers: unknown): string {
  const parsed = typeof answers === 'string' ? (JSON.parse(answers) as unknown) : answers;
  const flat: string[] = [];
  for (const [unit, qs] of Object.entries(parsed as Record<string, Record<string, string>>)) for (const [q, o] of Object.entries(qs)) flat.push(`${unit}:${q}=${o}`);
  return flat.sort().join('&');
}

export const fieldsKey = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
