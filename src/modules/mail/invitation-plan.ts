// Decides what a submitted list means for its invitations. Invitations are keyed
// by the person's address, so a list that is reopened and submitted again keeps
// the links people already have: only new people are invited, and people no
// longer listed lose their link unless they have already answered.

export type ListedPerson = { respondentId: string; groupCode: string; emailNorm: string };
export type ExistingInvitation = { id: string; emailNorm: string; groupCode: string; respondentId: string | null; status: 'active' | 'completed' | 'cancelled' };

export type InvitationPlan = {
  create: ListedPerson[];
  /** Still listed: follow the person's current entry (and revive a cancelled link). */
  relink: { id: string; respondentId: string; groupCode: string; revive: boolean }[];
  cancel: string[];
};

export function planInvitations(listed: readonly ListedPerson[], existing: readonly ExistingInvitation[]): InvitationPlan {
  const byEmail = new Map(existing.map((i) => [i.emailNorm, i]));
  const plan: InvitationPlan = { create: [], relink: [], cancel: [] };
  const stillListed = new Set<string>();
  for (const person of listed) {
    const current = byEmail.get(person.emailNorm);
    if (!current) {
      plan.create.push(person);
      continue;
    }
    stillListed.add(current.id);
    const revive = current.status === 'cancelled';
    if (revive || current.respondentId !== person.respondentId || (current.groupCode !== person.groupCode && current.status !== 'completed')) {
      plan.relink.push({ id: current.id, respondentId: person.respondentId, groupCode: current.status === 'completed' ? current.groupCode : person.groupCode, revive });
    }
  }
  for (const inv of existing) {
    if (!stillListed.has(inv.id) && inv.status === 'active') plan.cancel.push(inv.id);
  }
  return plan;
}
