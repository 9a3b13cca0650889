// A list whose rows the database refuses at the end of the COPY (here: for a
// body that does not exist, which PostgreSQL checks once the COPY ends): the
// import's transaction fails with the database's error, the reading thread is
// closed, and nothing else is left waiting or failing afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../src/db/client.js';
import { openListReader } from '../src/modules/roster/parse-thread.js';
import { copyChunkRows, copyRespondents } from '../src/modules/roster/roster.queries.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const rules = { groups: [{ code: 'hdnd', name: 'Đại biểu HĐND cấp tỉnh' }], officialDomains: ['gov.vn'], maxFieldLength: 500 };
const file = Buffer.from('Họ và tên,Email,Nhóm\nNguyễn Văn An,an@quangninh.gov.vn,hdnd\nTrần Thị Bình,binh@quangninh.gov.vn,hdnd\n');

async function* texts(chunks: AsyncIterable<{ bytes: Uint8Array }>) {
  for await (const c of chunks) yield c.bytes;
}

describe('rows refused by the database after the last chunk', () => {
  it('fails the transaction, stores nothing and leaves no rejection unheard', async () => {
    const unheard: unknown[] = [];
    const onUnhandled = (reason: unknown) => unheard.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const store = { scope: { campaignId: 'no-such-campaign', bodyCode: '99', importId: null }, chunkRows: copyChunkRows(database.db) };
      const reader = await openListReader({ bytes: file, rules, maxRows: 10, store });
      try {
        const stored = database.db.transaction(async (txRaw) => {
          const tx = txRaw as unknown as Db;
          const settled = reader.settle([], new Map([['hdnd', 1]]));
          await copyRespondents(tx, texts(reader.rows()));
          await settled;
        });
        await expect(stored).rejects.toThrow(/foreign key|respondents_campaign_body_fk/);
      } finally {
        reader.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unheard).toEqual([]);
      const [count] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from respondents`));
      expect(count!.n).toBe(0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
