// Duplicate roles: one person is surveyed once per campaign and body. Entries
// sharing a normalised email or phone (directly or through another entry) are
// one person, kept in the group of highest priority (HĐND delegates first).
// The outcome depends only on the set of entries, never on their order.
import { foldName } from './text.js';

export type DedupeEntry = {
  id: string;
  group: string;
  emailNorm: string;
  phoneNorm: string | null;
  fullName: string;
  organisation: string | null;
  line: number | null;
};

export type MergeReason = 'same_email' | 'same_phone' | 'same_email_phone' | 'linked';

export const mergeReasonLabels: Record<MergeReason, string> = {
  same_email: 'trùng địa chỉ email',
  same_phone: 'trùng số điện thoại',
  same_email_phone: 'trùng email và số điện thoại',
  linked: 'trùng qua một mục khác cùng người',
};

export type Merge = { keptId: string; droppedId: string; reason: MergeReason };

/** Kept entries with the same name and organisation but another email and phone: for review, not merged. */
export type NameWarning = { code: 'same_name_organisation'; ids: string[]; fullName: string; organisation: string };

export type DedupeResult = { merges: Merge[]; warnings: NameWarning[] };

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

/** Total order choosing the kept entry: group priority, then file line, then id. */
function better(a: DedupeEntry, b: DedupeEntry, priority: (g: string) => number): boolean {
  const pa = priority(a.group);
  const pb = priority(b.group);
  if (pa !== pb) return pa < pb;
  const la = a.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.line ?? Number.MAX_SAFE_INTEGER;
  if (la !== lb) return la < lb;
  return a.id < b.id;
}

export function dedupe(entries: readonly DedupeEntry[], priorities: ReadonlyMap<string, number>): DedupeResult {
  const priority = (g: string) => priorities.get(g) ?? Number.MAX_SAFE_INTEGER;
  // Union-find over positions (typed arrays keep 100,000 entries cheap); the
  // components, and so the result, do not depend on the order of the entries.
  const parent = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) parent[i] = i;
  const byEmail = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const link = (index: Map<string, number>, key: string, i: number) => {
    const other = index.get(key);
    if (other === undefined) index.set(key, i);
    else parent[find(parent, i)] = find(parent, other);
  };
  entries.forEach((e, i) => {
    link(byEmail, e.emailNorm, i);
    if (e.phoneNorm) link(byPhone, e.phoneNorm, i);
  });
  // Not needed from here on: a list of 100,000 entries is then lighter by both indexes.
  byEmail.clear();
  byPhone.clear();

  const best = new Int32Array(entries.length).fill(-1);
  entries.forEach((e, i) => {
    const root = find(parent, i);
    const current = best[root]!;
    if (current === -1 || better(e, entries[current]!, priority)) best[root] = i;
  });

  const merges: Merge[] = [];
  const kept: DedupeEntry[] = [];
  entries.forEach((e, i) => {
    const keeper = entries[best[find(parent, i)]!]!;
    if (keeper === e) {
      kept.push(e);
      return;
    }
    const email = keeper.emailNorm === e.emailNorm;
    const phone = keeper.phoneNorm !== null && keeper.phoneNorm === e.phoneNorm;
    const reason: MergeReason = email && phone ? 'same_email_phone' : email ? 'same_email' : phone ? 'same_phone' : 'linked';
    merges.push({ keptId: keeper.id, droppedId: e.id, reason });
  });
  merges.sort((a, b) => (a.droppedId < b.droppedId ? -1 : a.droppedId > b.droppedId ? 1 : 0));
  return { merges, warnings: nameWarnings(kept) };
}

function nameWarnings(kept: readonly DedupeEntry[]): NameWarning[] {
  // A list names a few hundred organisations: each is folded once, and stands in the key as its number.
  const organisations = new Map<string, number>();
  const folded = new Map<string, number>();
  const byKey = new Map<string, DedupeEntry | DedupeEntry[]>();
  for (const e of kept) {
    if (!e.organisation) continue;
    let org = organisations.get(e.organisation);
    if (org === undefined) {
      const fold = foldName(e.organisation);
      org = folded.get(fold) ?? folded.size;
      folded.set(fold, org);
      organisations.set(e.organisation, org);
    }
    const key = `${org}|${foldName(e.fullName)}`;
    const found = byKey.get(key);
    // One entry alone (nearly all of them) needs no list.
    if (found === undefined) byKey.set(key, e);
    else if (Array.isArray(found)) found.push(e);
    else byKey.set(key, [found, e]);
  }
  const warnings: NameWarning[] = [];
  for (const list of byKey.values()) {
    if (!Array.isArray(list)) continue;
    const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    warnings.push({ code: 'same_name_organisation', ids: sorted.map((e) => e.id), fullName: sorted[0]!.fullName, organisation: sorted[0]!.organisation! });
  }
  return warnings.sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : 1));
}
