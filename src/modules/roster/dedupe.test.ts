import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from './contact.js';
import { dedupe, type DedupeEntry } from './dedupe.js';

const priorities = new Map([
  ['hdnd', 1],
  ['lanh_dao_so', 2],
  ['lanh_dao_phong', 3],
  ['lanh_dao_huyen', 4],
]);

const entry = (id: string, group: string, email: string, phone: string | null, extra: Partial<DedupeEntry> = {}): DedupeEntry => ({
  id,
  group,
  emailNorm: normaliseEmail(email)!,
  phoneNorm: phone === null ? null : normalisePhone(phone),
  fullName: `Người ${id}`,
  organisation: null,
  line: null,
  ...extra,
});

describe('dedupe', () => {
  it('keeps a person listed as delegate and department leader once, as a delegate', () => {
    const result = dedupe(
      [entry('a', 'lanh_dao_so', 'Nguyen.Van.An@QuangNinh.gov.vn', '0912 345 678', { line: 2 }), entry('b', 'hdnd', 'nguyen.van.an@quangninh.gov.vn ', '+84 912.345.678', { line: 9 })],
      priorities,
    );
    expect(result.merges).toEqual([{ keptId: 'b', droppedId: 'a', reason: 'same_email_phone' }]);
  });

  it('merges on the phone alone and through a chain of entries', () => {
    const result = dedupe(
      [entry('a', 'lanh_dao_phong', 'a@x.gov.vn', '0912345678'), entry('b', 'lanh_dao_so', 'b@x.gov.vn', '912345678'), entry('c', 'hdnd', 'b@x.gov.vn', null)],
      priorities,
    );
    expect(result.merges).toEqual([
      { keptId: 'c', droppedId: 'a', reason: 'linked' },
      { keptId: 'c', droppedId: 'b', reason: 'same_email' },
    ]);
  });

  it('does not merge the same name and organisation with another email and phone, but warns', () => {
    const result = dedupe(
      [
        entry('a', 'hdnd', 'a@x.gov.vn', '0912345678', { fullName: 'Trần Thị Bình', organisation: 'Sở Y tế' }),
        entry('b', 'lanh_dao_so', 'b@x.gov.vn', '0987654321', { fullName: 'trần thị  bình', organisation: 'sở y tế' }),
      ],
      priorities,
    );
    expect(result.merges).toEqual([]);
    expect(result.warnings).toEqual([{ code: 'same_name_organisation', ids: ['a', 'b'], fullName: 'Trần Thị Bình', organisation: 'Sở Y tế' }]);
  });

  const arbEntries = fc
    .array(
      fc.record({
        group: fc.constantFrom('hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen'),
        mailbox: fc.integer({ min: 0, max: 6 }),
        phone: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        name: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'),
        org: fc.option(fc.constantFrom('Sở Nội vụ', 'Sở Y tế'), { nil: null }),
        line: fc.option(fc.integer({ min: 2, max: 30 }), { nil: null }),
      }),
      { maxLength: 25 },
    )
    .map((items) =>
      items.map((x, i) => ({
        id: `id${String(i).padStart(2, '0')}`,
        group: x.group,
        emailNorm: `p${x.mailbox}@x.gov.vn`,
        phoneNorm: x.phone === null ? null : `+8491234500${x.phone}`,
        fullName: x.name,
        organisation: x.org,
        line: x.line,
      })),
    );

  it('gives the same result whatever the order of the entries', () => {
    fc.assert(
      fc.property(arbEntries, fc.infiniteStream(fc.nat()), (entries, seeds) => {
        const shuffled = [...entries];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(dedupe(shuffled, priorities)).toEqual(dedupe(entries, priorities));
      }),
    );
  });

  it('leaves no two kept entries sharing an email or phone, and keeps the highest-priority group', () => {
    fc.assert(
      fc.property(arbEntries, (entries) => {
        const { merges } = dedupe(entries, priorities);
        const dropped = new Set(merges.map((m) => m.droppedId));
        const kept = entries.filter((e) => !dropped.has(e.id));
        expect(new Set(kept.map((e) => e.emailNorm)).size).toBe(kept.length);
        const phones = kept.flatMap((e) => (e.phoneNorm ? [e.phoneNorm] : []));
        expect(new Set(phones).size).toBe(phones.length);
        const byId = new Map(entries.map((e) => [e.id, e]));
        for (const m of merges) {
          expect(dropped.has(m.keptId)).toBe(false);
          expect(priorities.get(byId.get(m.keptId)!.group)!).toBeLessThanOrEqual(priorities.get(byId.get(m.droppedId)!.group)!);
        }
      }),
    );
  });

  it('is idempotent: deduping the kept entries merges nothing more', () => {
    fc.assert(
      fc.property(arbEntries, (entries) => {
        const dropped = new Set(dedupe(entries, priorities).merges.map((m) => m.droppedId));
        expect(dedupe(entries.filter((e) => !dropped.has(e.id)), priorities).merges).toEqual([]);
      }),
    );
  });
});
