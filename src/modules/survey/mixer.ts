// The mixer: moves sealed answers from the ballot box into `responses` by cell
// (body × group), so that nothing a reader of the database sees (columns,
// xmin/xmax, ctid, row order, times, counts polled between submissions) narrows
// a response to fewer than k people of its cell.
//
// A cell releases answers only while at least 2k wait, and then all but k of
// them, drawn at random, so a batch holds at least k and at least k always stay
// behind; at the response deadline everything left goes out in one batch, which
// is then k or more (or every completer of a cell that never had k). Releasing
// down to zero would let a poller tie the last few answers to the last few
// completers. Each batch is one transaction that deletes its box rows, inserts
// the responses in random order with the batch's time, and writes a new version
// of each of the batch's invitations, so both sides carry only the batch's
// transaction id. An advisory lock per cell keeps several processes from mixing
// one cell at once.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { rowsOf, type Db } from '../../db/client.js';
import { responses } from '../../db/schema/index.js';
import { createBallotSealer, type Ballot } from './ballot.js';

export const DEFAULT_K = 5;

/** Answers one transaction releases at most, to keep batches of a large backlog short. */
export const MAX_BATCH = 2000;

/** How many of `waiting` answers a cell releases now: all but k once 2k wait, all at the deadline, else none. */
export function releaseCount(waiting: number, k: number, closed: boolean): number {
  // Past the deadline all go; a backlog over one batch leaves k for the next, so no batch falls under k.
  if (closed) return waiting <= MAX_BATCH ? waiting : Math.min(waiting - k, MAX_BATCH);
  return waiting >= 2 * k ? Math.min(waiting - k, MAX_BATCH) : 0;
}

/** A uniformly random permutation (Fisher–Yates with a cryptographic source). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type Cell = { campaignId: string; bodyCode: string; groupCode: string; waiting: number; k: number; closed: boolean };

export type MixStats = { batches: number; released: number };

export type Mixer = ReturnType<typeof createMixer>;

export function createMixer({ db, config }: { db: Db; config: Pick<Config, 'tokenSecret'> }) {
  const sealer = createBallotSealer(config.tokenSecret);

  async function dueCells(campaignId: string | undefined, final: boolean): Promise<Cell[]> {
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        select b.campaign_id, b.body_code, b.group_code, count(*)::int as waiting, coalesce(max(m.k), ${DEFAULT_K})::int as k,
          (${final} or now() > max(c.response_deadline)) as closed
        from ballot_box b
        join campaigns c on c.id = b.campaign_id
        left join mixing_settings m on m.campaign_id = b.campaign_id
        where ${campaignId ?? null}::text is null or b.campaign_id = ${campaignId ?? null}
        group by 1, 2, 3
        having ${final} or now() > max(c.response_deadline) or count(*) >= 2 * coalesce(max(m.k), ${DEFAULT_K})`),
    );
    return rows.map((r) => ({
      campaignId: r.campaign_id as string,
      bodyCode: r.body_code as string,
      groupCode: r.group_code as string,
      waiting: Number(r.waiting),
      k: Number(r.k),
      closed: r.closed === true || r.closed === 't',
    }));
  }

  /** One batch of one cell in its own transaction; returns how many answers it released. */
  async function mixCell(cell: Cell): Promise<number> {
    return db.transaction(async (tx) => {
      const where = sql`campaign_id = ${cell.campaignId} and body_code = ${cell.bodyCode} and group_code = ${cell.groupCode}`;
      const [lock] = rowsOf<{ ok: boolean | string }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended('ballot-box/' || ${cell.campaignId} || '/' || ${cell.bodyCode} || '/' || ${cell.groupCode}, 0)) as ok`));
      if (!(lock?.ok === true || lock?.ok === 't')) return 0;
      const waiting = rowsOf<{ id: string; sealed: Buffer | Uint8Array }>(await tx.execute(sql`select id, sealed from ballot_box where ${where} for update`));
      const n = releaseCount(waiting.length, cell.k, cell.closed);
      if (n === 0) return 0;
      const batch = shuffled(waiting).slice(0, n);
      const ballots = shuffled(batch.map((b) => sealer.open(Buffer.from(b.sealed))));
      await tx.execute(sql`delete from ballot_box where id in (${sql.join(batch.map((b) => sql`${b.id}::uuid`), sql`, `)})`);
      const [{ at }] = rowsOf<{ at: Date | string }>(await tx.execute(sql`select date_trunc('minute', now()) as at`)) as [{ at: Date | string }];
      await tx.insert(responses).values(ballots.map((b) => responseRow(cell, b, new Date(at))));
      // A new row version of each of the batch's invitations: both sides now carry this batch's transaction.
      const ids = sql.join(ballots.map((b) => (b.invitationId ? sql`${b.invitationId}::uuid` : sql`null::uuid`)), sql`, `);
      const links = sql.join(ballots.map((b) => (b.linkHash ? sql`decode(${b.linkHash}, 'hex')` : sql`null::bytea`)), sql`, `);
      await tx.execute(sql`update invitations set status = status where (id in (${ids}) or token_hash in (${links})) and status = 'completed'`);
      return n;
    });
  }

  return {
    /** Mixes every due cell (all cells with `final`, as at the deadline). Safe to run from several processes at once. */
    async run(options: { final?: boolean; campaignId?: string } = {}): Promise<MixStats> {
      const stats: MixStats = { batches: 0, released: 0 };
      for (const cell of await dueCells(options.campaignId, options.final ?? false)) {
        let released: number;
        do {
          released = await mixCell(cell);
          if (released > 0) {
            stats.batches++;
            stats.released += released;
            cell.waiting -= released;
          }
        } while (released > 0 && releaseCount(cell.waiting, cell.k, cell.closed) > 0);
      }
      return stats;
    },

    /** Answers still waiting in the box, per campaign (for the demo and the operator). */
    async waiting(campaignId: string): Promise<number> {
      const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ballot_box where campaign_id = ${campaignId}`));
      return Number(row?.n ?? 0);
    },
  };
}

function responseRow(cell: Cell, b: Ballot, at: Date): typeof responses.$inferInsert {
  return {
    campaignId: cell.campaignId,
    bodyCode: cell.bodyCode,
    groupCode: cell.groupCode,
    formCode: b.formCode,
    submittedAt: at,
    answers: b.answers,
    secondsSpent: b.secondsSpent,
    ipHash: b.ipHash,
    netHash: b.netHash,
    uaHash: b.uaHash,
    deviceKey: b.deviceKey,
    jsEnabled: b.jsEnabled,
    formLoaded: b.formLoaded,
  };
}
