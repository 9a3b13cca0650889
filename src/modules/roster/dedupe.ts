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

function find(parent: Map<string, string>, id: string): string {
  let root = id;
  while (parent.get(root) !== root) root = parent.get(root)!;
  for (let x = id; x !== root; ) {
    const next = parent.get(x)!;
    parent.set(x, root);
    x = next;
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
  const parent = new Map<string, string>();
  const firstByKey = new Map<string, string>();
  for (const e of entries) parent.set(e.id, e.id);
  const link = (key: string, id: string) => {
    const other = firstByKey.get(key);
    if (other === undefined) firstByKey.set(key, id);
    else parent.set(find(parent, id), find(parent, other));
  };
  for (const e of entries) {
    link(`e:${e.emailNorm}`, e.id);
    if (e.phoneNorm) link(`p:${e.phoneNorm}`, e.id);
  }

  const best = new Map<string, DedupeEntry>();
  for (const e of entries) {
    const root = find(parent, e.id);
    const current = best.get(root);
    if (!current || better(e, current, priority)) best.set(root, e);
  }

  const merges: Merge[] = [];
  const kept: DedupeEntry[] = [];
  for (const e of entries) {
    const keeper = best.get(find(parent, e.id))!;
    if (keeper.id === e.id) {
      kept.push(e);
      continue;
    }
    const email = keeper.emailNorm === e.emailNorm;
    const phone = keeper.phoneNorm !== null && keeper.phoneNorm === e.phoneNorm;
    const reason: MergeReason = email && phone ? 'same_email_phone' : email ? 'same_email' : phone ? 'same_phone' : 'linked';
    merges.push({ keptId: keeper.id, droppedId: e.id, reason });
  }
  merges.sort((a, b) => (a.droppedId < b.droppedId ? -1 : a.droppedId > b.droppedId ? 1 : 0));
  return { merges, warnings: nameWarnings(kept) };
}

function nameWarnings(kept: readonly DedupeEntry[]): NameWarning[] {
  const byKey = new Map<string, DedupeEntry[]>();
  for (const e of kept) {
    if (!e.organisation) continue;
    const key = `${foldName(e.fullName)}|${foldName(e.organisation)}`;
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  const warnings: NameWarning[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    warnings.push({ code: 'same_name_organisation', ids: sorted.map((e) => e.id), fullName: sorted[0]!.fullName, organisation: sorted[0]!.organisation! });
  }
  return warnings.sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : 1));
}
