// Puts people on a body's list and issues their invitations directly, for
// tests of what comes after a list is submitted; returns each person's link token.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { campaignBodies, invitations, respondents } from '../../src/db/schema/index.js';
import { issueInvitations, mailDomain } from '../../src/modules/mail/invitations.service.js';
import { linkToken } from '../../src/modules/mail/links.js';
import type { TestApp } from './app.js';

export type SeedPerson = { name?: string; email: string; group: string; phone?: string; organisation?: string };

export type SeededInvitation = { invitationId: string; respondentId: string; email: string; group: string; token: string };

export async function seedSubmittedList(t: TestApp, campaignId: string, bodyCode: string, people: readonly SeedPerson[]): Promise<SeededInvitation[]> {
  await t.db.transaction(async (tx) => {
    if (people.length) {
      await tx.insert(respondents).values(
        people.map((p, i) => ({
          campaignId,
          bodyCode,
          groupCode: p.group,
          fullName: p.name ?? `Người thứ ${i + 1}`,
          email: p.email,
          emailNorm: p.email.toLowerCase(),
          phone: p.phone ?? null,
          phoneNorm: p.phone ?? null,
          organisation: p.organisation ?? null,
          line: i + 2,
        })),
      );
    }
    await tx
      .update(campaignBodies)
      .set({ listState: 'submitted', listSubmittedAt: sql`now()` })
      .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, bodyCode)));
    await issueInvitations(tx as unknown as Db, { campaignId, bodyCode, tokenSecret: t.config.tokenSecret, mailDomain: mailDomain(t.config.mailFrom) });
  });
  const rows = await t.db
    .select({ id: invitations.id, respondentId: invitations.respondentId, email: invitations.emailNorm, group: invitations.groupCode, version: invitations.version })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), eq(invitations.bodyCode, bodyCode)));
  return rows.map((r) => ({ invitationId: r.id, respondentId: r.respondentId!, email: r.email, group: r.group, token: linkToken(t.config.tokenSecret, r.id, r.version) }));
}
