import { describe, expect, it } from 'vitest';
import { loadPreset, parsePreset, presetIds, type Preset } from './index.js';

const questionsOf = (form: Preset['campaign']['forms'][number]) => form.sections.flatMap((s) => s.questions);

describe('presets', () => {
  it('ships the 2023 province, 2023 ministry and 2025 province rounds', () => {
    expect(presetIds()).toEqual(expect.arrayContaining(['2023-province', '2023-ministry', '2025-province']));
  });

  it.each(presetIds())('loads %s against the campaign shape', (id) => {
    const preset = loadPreset(id);
    expect(preset.campaign.bodies.length).toBeGreaterThan(0);
    expect(preset.campaign.groups.length).toBeGreaterThan(0);
  });

  it('names the field of a bad preset', () => {
    const good = loadPreset('2023-province');
    const bad = structuredClone(good) as { campaign: { groups: { form: string }[] } };
    bad.campaign.groups[0]!.form = 'khong-co';
    expect(() => parsePreset(bad, 'bad.json')).toThrow(/groups\.0\.form/);
  });

  it.each(presetIds())('%s: every sub-criterion is asked, every form has one group, points have two decimals', (id) => {
    const { campaign } = loadPreset(id);
    const used = new Set(campaign.forms.flatMap((f) => questionsOf(f).map((q) => q.subCriterion)));
    for (const s of campaign.scoring.subCriteria) {
      expect(used, `tiêu chí ${s.code}`).toContain(s.code);
      expect(Math.round(s.maxPoints * 100)).toBeCloseTo(s.maxPoints * 100, 9);
    }
    expect(campaign.groups.map((g) => g.form).sort()).toEqual(campaign.forms.map((f) => f.code).sort());
    for (const form of campaign.forms) {
      for (const q of questionsOf(form)) {
        expect(q.options.slice(0, 4).map((o) => o.code)).toEqual(['A', 'B', 'C', 'D']);
        expect(q.options.slice(4).map((o) => o.code)).toEqual(q.options.length > 4 ? ['K'] : []);
      }
    }
  });

  it('2023-province: 63 provinces with unique two-digit codes and four groups', () => {
    const { campaign, defaults } = loadPreset('2023-province');
    const codes = campaign.bodies.map((b) => b.code);
    expect(codes).toHaveLength(63);
    expect(new Set(codes).size).toBe(63);
    for (const b of campaign.bodies) {
      expect(b.code).toMatch(/^\d{2}$/);
      expect(b.hdndSeats).toBeGreaterThanOrEqual(50);
      expect(b.hdndSeats).toBeLessThanOrEqual(95);
    }
    expect(campaign.bodies.find((b) => b.code === '22')?.name).toBe('Tỉnh Quảng Ninh');
    expect(campaign.bodies.find((b) => b.code === '46')?.name).toBe('Tỉnh Thừa Thiên Huế');
    expect(campaign.groups.map((g) => [g.code, g.priority])).toEqual([
      ['hdnd', 1],
      ['lanh_dao_so', 2],
      ['lanh_dao_phong', 3],
      ['lanh_dao_huyen', 4],
    ]);
    expect(defaults).toEqual({ listDeadline: '2023-12-15', responseDeadline: '2024-01-10' });
  });

  it('2025-province: 34 units whose former units cover the 63 provinces exactly once', () => {
    const { campaign } = loadPreset('2025-province');
    const before = loadPreset('2023-province').campaign.bodies;
    expect(campaign.bodies).toHaveLength(34);
    expect(new Set(campaign.bodies.map((b) => b.code)).size).toBe(34);
    const former = campaign.bodies.flatMap((b) => b.formerUnits);
    expect(former.map((f) => f.code).sort()).toEqual(before.map((b) => b.code).sort());
    for (const f of former) expect(before.find((b) => b.code === f.code)?.name).toBe(f.name);
    for (const b of campaign.bodies) expect(b.formerUnits.length).toBeGreaterThan(0);
    const bacNinh = campaign.bodies.find((b) => b.code === '24')!;
    expect(bacNinh.name).toBe('Tỉnh Bắc Ninh');
    expect(bacNinh.formerUnits.map((f) => f.code)).toEqual(['27', '24']);
    expect(campaign.groups.map((g) => g.code)).toEqual(['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_xa']);
  });

  it('2023-ministry: 19 ministries and five groups with their limits', () => {
    const { campaign } = loadPreset('2023-ministry');
    expect(campaign.bodies).toHaveLength(19);
    expect(new Set(campaign.bodies.map((b) => b.code)).size).toBe(19);
    expect(campaign.bodies.every((b) => b.kind === 'ministry')).toBe(true);
    expect(campaign.groups.map((g) => g.code)).toEqual(['lanh_dao_vu', 'lanh_dao_so', 'lanh_dao_phong', 'can_bo_cchc', 'hiep_hoi']);
    expect(campaign.groups.find((g) => g.code === 'can_bo_cchc')?.perOrganisationLimit).toBe(2);
    expect(campaign.groups.find((g) => g.code === 'hiep_hoi')?.maxOrganisations).toBe(5);
  });

  it.each(['2023-province', '2025-province', '2023-ministry'])('%s: every form has 20–30 questions on the seven fields', (id) => {
    const { campaign } = loadPreset(id);
    for (const form of campaign.forms) {
      expect(form.ratedUnits).toBe('own_body');
      const n = questionsOf(form).length;
      expect(n, form.code).toBeGreaterThanOrEqual(20);
      expect(n, form.code).toBeLessThanOrEqual(30);
    }
    expect(new Set(campaign.scoring.subCriteria.map((s) => s.field)).size).toBe(7);
  });

  it('2025-province-internal: grid forms over departments and communes', () => {
    const { campaign } = loadPreset('2025-province-internal');
    expect(campaign.bodies.map((b) => b.code)).toEqual(['22']);
    const kinds = (kind: string) => campaign.units.filter((u) => u.kind === kind).length;
    expect(kinds('so')).toBeGreaterThanOrEqual(12);
    expect(kinds('xa')).toBeGreaterThanOrEqual(6);
    const formOf = (group: string) => campaign.forms.find((f) => f.code === campaign.groups.find((g) => g.code === group)?.form)!;
    expect([formOf('hdnd'), formOf('lanh_dao_xa'), formOf('lanh_dao_so')].map((f) => [f.ratedUnits, f.unitKind])).toEqual([
      ['units', 'so'],
      ['units', 'so'],
      ['units', 'xa'],
    ]);
    for (const form of campaign.forms) {
      const n = questionsOf(form).length;
      expect(n).toBeGreaterThanOrEqual(8);
      expect(n).toBeLessThanOrEqual(12);
    }
  });

  // Letter 7156/BNV-CCHC of 06/12/2023: the five groups surveyed for each ministry, in order.
  const letter7156 = [
    { code: 'lanh_dao_vu', is: /vụ.*cục.*tổng cục/i, isNot: /sở|hội/i },
    { code: 'lanh_dao_so', is: /cơ quan chuyên môn.*tỉnh|sở/i, isNot: /phòng/i },
    { code: 'lanh_dao_phong', is: /phòng chuyên môn thuộc (các )?sở/i, isNot: /thuộc (các )?vụ|vụ, cục|thuộc Bộ/i },
    { code: 'can_bo_cchc', is: /cải cách hành chính/i, isNot: /sở/i },
    { code: 'hiep_hoi', is: /hội, hiệp hội/i, isNot: /sở/i },
  ];

  it.each(letter7156.map((g, i) => [i + 1, g.code, g] as const))('2023-ministry: group %i (%s) is the one letter 7156/BNV-CCHC surveys', (priority, code, expected) => {
    const { campaign } = loadPreset('2023-ministry');
    const group = campaign.groups.find((g) => g.code === code)!;
    expect(group.priority).toBe(priority);
    const text = `${group.name}. ${group.description ?? ''}`;
    expect(text).toMatch(expected.is);
    expect(text).not.toMatch(expected.isNot);
  });

  it('2023-ministry: division heads of provincial departments rate the parent ministry, as the department leaders do', () => {
    const { campaign } = loadPreset('2023-ministry');
    const form = campaign.forms.find((f) => f.code === campaign.groups.find((g) => g.code === 'lanh_dao_phong')!.form)!;
    expect(form.title).toMatch(/phòng chuyên môn thuộc (các )?sở/i);
    expect(form.intro).toMatch(/quản lý ngành, lĩnh vực/);
    expect(form.intro).not.toMatch(/nơi Ông\/Bà công tác/);
  });

  it.each(presetIds())('%s: says its questions and points are illustrative and cites what it rests on', (id) => {
    const preset = loadPreset(id);
    expect(preset.notice).toMatch(/minh họa/);
    expect(preset.notice).toMatch(/29\/QĐ-BNV/);
    const sources = preset.sources;
    for (const key of ['groups', 'bodies', 'forms', 'pointTable', 'optionWeights', 'groupWeights', 'thresholds'] as const) {
      expect(sources[key].document, key).toMatch(/\S/);
    }
    expect(sources.groups.document).toMatch(/7156\/BNV-CCHC/);
    expect(sources.groups.date).toBe('2023-12-06');
    expect(sources.forms.document).toMatch(/29\/QĐ-BNV/);
    expect(preset.campaign.sources).toEqual(sources);
    expect(sources.forms.illustrative).toBe(true);
    expect(sources.pointTable.illustrative).toBe(true);
    for (const form of preset.campaign.forms) expect(form.intro ?? '').not.toMatch(/Bộ Nội vụ trân trọng đề nghị/);
  });
});
