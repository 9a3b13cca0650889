// What an officer reviews before submitting: the list by group, every merge
// (kept entry, dropped entries, why) and every warning, built from stored rows.
import { isOfficialAddress } from './contact.js';
import { dedupe, mergeReasonLabels, type MergeReason } from './dedupe.js';
import type { Candidate } from './rows.js';

/** A listed entry as stored: the checked person plus where it came from and what it merged into. */
export type StoredRespondent = Omit<Candidate, 'line' | 'group'> & {
  id: string;
  groupCode: string;
  line: number | null;
  mergedInto: string | null;
  mergeReason: string | null;
};

export type RespondentView = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  organisation: string | null;
  position: string | null;
  group: string;
  line: number | null;
};

export type ReviewWarning = { code: string; respondentIds: string[]; message: string };

export const respondentView = (r: StoredRespondent): RespondentView => ({
  id: r.id,
  name: r.fullName,
  email: r.emailNorm,
  // As the body typed it; the normalised form is only for finding duplicates.
  phone: r.phone ?? r.phoneNorm,
  organisation: r.organisation,
  position: r.position,
  group: r.groupCode,
  line: r.line,
});

export type GroupInfo = { code: string; name: string; priority: number };

export function buildReview(rows: readonly StoredRespondent[], groups: readonly GroupInfo[], officialDomains: readonly string[]) {
  const sorted = [...groups].sort((a, b) => a.priority - b.priority);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const listed = rows.filter((r) => r.mergedInto === null);
  const groupName = new Map(groups.map((g) => [g.code, g.name]));

  const mergesByKept = new Map<string, StoredRespondent[]>();
  for (const r of rows) {
    if (r.mergedInto === null) continue;
    const list = mergesByKept.get(r.mergedInto);
    if (list) list.push(r);
    else mergesByKept.set(r.mergedInto, [r]);
  }
  const merges = [...mergesByKept].flatMap(([keptId, dropped]) => {
    const kept = byId.get(keptId);
    if (!kept) return [];
    return [
      {
        kept: respondentView(kept),
        dropped: dropped.map((d) => ({ ...respondentView(d), reason: d.mergeReason ?? 'linked', reasonText: mergeReasonLabels[(d.mergeReason ?? 'linked') as MergeReason] ?? d.mergeReason ?? '' })),
        message: `${kept.fullName} có tên trong ${dropped.length + 1} nhóm; chỉ giữ ở nhóm "${groupName.get(kept.groupCode) ?? kept.groupCode}" (ưu tiên cao hơn).`,
      },
    ];
  });

  const warnings: ReviewWarning[] = [];
  const priorities = new Map(groups.map((g) => [g.code, g.priority]));
  const names = dedupe(
    listed.map((r) => ({ id: r.id, group: r.groupCode, emailNorm: r.emailNorm, phoneNorm: r.phoneNorm, fullName: r.fullName, organisation: r.organisation, line: r.line })),
    priorities,
  ).warnings;
  for (const w of names) {
    warnings.push({
      code: w.code,
      respondentIds: w.ids,
      message: `${w.fullName} (${w.organisation}) có ${w.ids.length} mục với email và số điện thoại khác nhau. Nếu là cùng một người, hãy xóa bớt hoặc sửa cho đúng.`,
    });
  }
  for (const r of listed) {
    if (!isOfficialAddress(r.emailNorm, officialDomains)) {
      warnings.push({ code: 'unofficial_domain', respondentIds: [r.id], message: `${r.fullName}: "${r.emailNorm}" không thuộc hộp thư công vụ (${officialDomains.join(', ')}).` });
    }
  }

  return {
    total: listed.length,
    groups: sorted.map((g) => {
      const people = listed.filter((r) => r.groupCode === g.code).map(respondentView);
      return { code: g.code, name: g.name, priority: g.priority, count: people.length, respondents: people };
    }),
    merges,
    warnings,
  };
}

export type Review = ReturnType<typeof buildReview>;
