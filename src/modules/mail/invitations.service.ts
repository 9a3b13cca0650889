import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { planInvitations } from './invitation-plan.js';
import * as q from './invitations.queries.js';
import { linkToken, tokenHash } from './links.js';

/** The domain part of MAIL_FROM, used to make Message-IDs unique to this sender. */
export function mailDomain(mailFrom: string): string {
  const address = mailFrom.match(/<([^>]+)>/)?.[1] ?? mailFrom;
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'localhost';
}

export const newMessageId = (domain: string) => `<${randomUUID()}@${domain}>`;

export type IssueOptions = { campaignId: string; bodyCode: string; tokenSecret: string; mailDomain: string };

/**
 * Brings a submitted list's invitations in line with it and queues an
 * invitation message for each new person. Runs inside the submission's transaction.
 */
export async function issueInvitations(tx: Db, o: IssueOptions) {
  const listed = await q.listedPeople(tx, o.campaignId, o.bodyCode);
  const existing = await q.invitationsOfBody(tx, o.campaignId, o.bodyCode);
  const plan = planInvitations(listed, existing);

  const created = plan.create.map((p) => {
    const id = randomUUID();
    return {
      id,
      campaignId: o.campaignId,
      bodyCode: o.bodyCode,
      groupCode: p.groupCode,
      respondentId: p.respondentId,
      emailNorm: p.emailNorm,
      tokenHash: tokenHash(linkToken(o.tokenSecret, id, 1)),
    };
  });
  await q.insertInvitations(tx, created);
  for (const change of plan.relink) await q.relinkInvitation(tx, change);
  await q.cancelInvitations(tx, plan.cancel);

  const revived = plan.relink.filter((r) => r.revive).map((r) => r.id);
  const toQueue = [...created.map((c) => c.id), ...revived];
  await q.enqueueMessages(
    tx,
    toQueue.map((invitationId) => ({ campaignId: o.campaignId, invitationId, kind: 'invitation' as const, messageId: newMessageId(o.mailDomain) })),
  );
  return { created: created.length, relinked: plan.relink.length, cancelled: plan.cancel.length, queued: toQueue.length };
}
