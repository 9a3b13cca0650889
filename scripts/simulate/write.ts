// Writes simulated bodies into a campaign's tables in the shapes the survey and
// roster modules store: responses, the submitted respondent list, reports.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { campaignBodies, reports, respondents, responses } from '../../src/db/schema/index.js';
import type { SimBody } from './interference.js';

const CHUNK = 2000;

export async function writeSimulatedBody(db: Db, campaignId: string, body: SimBody): Promise<void> {
  for (let i = 0; i < body.responses.length; i += CHUNK) {
    // Only what the table keeps today: the device key and form-load columns come with the submit path's counters.
    await db.insert(responses).values(
      body.responses.slice(i, i + CHUNK).map(({ sentAt: _sent, formLoaded: _loaded, deviceKey: _key, ...r }) => ({ campaignId, bodyCode: body.code, ...r, jsEnabled: true })),
    );
  }
  for (let i = 0; i < body.people.length; i += CHUNK) {
    await db.insert(respondents).values(
      body.people.slice(i, i + CHUNK).map((p, j) => ({
        campaignId,
        bodyCode: body.code,
        groupCode: p.groupCode,
        fullName: p.fullName,
        email: p.email,
        emailNorm: p.email.toLowerCase(),
        phone: p.phone,
        phoneNorm: p.phone,
        line: i + j + 2,
      })),
    );
  }
  if (body.reports.length) await db.insert(reports).values(body.reports.map((r) => ({ campaignId, bodyCode: body.code, kind: r.kind, message: r.message })));
  await db
    .update(campaignBodies)
    .set({ listState: 'submitted', listSubmittedAt: sql`now()` })
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, body.code)));
}
