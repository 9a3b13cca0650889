// Builds the campaign presets in src/presets/*.json from the body lists and
// questionnaires in this folder, validates each against the campaign shape and
// writes them pretty-printed. `--check` only reports files that are out of date.
//
//   npx tsx scripts/presets/build.ts          # write
//   npx tsx scripts/presets/build.ts --check  # verify, exit 1 when stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePreset } from '../../src/presets/index.js';
import { ministryBodies2023, provinceBodies2023, provinceBodies2025 } from './bodies.js';
import type { Form, SubCriterion } from './forms.js';
import { ministryForms2023, ministryGroups2023, ministrySubCriteria } from './ministry-2023.js';
import { provinceForms2023, provinceGroups2023, provinceSubCriteria } from './province-2023.js';
import { provinceForms2025, provinceGroups2025 } from './province-2025.js';
import { internalForms2025, internalGroups2025, internalSubCriteria, internalUnits2025 } from './province-internal-2025.js';

const optionWeights = { A: 1, B: 0.6, C: 0.2, D: 0, K: null };
const mail = { officialDomains: ['gov.vn'], reminderDaysBefore: [7, 2] };

/** The campaign shape checks that the sub-criteria's maxima add up to surveyShare. */
const scoring = (version: string, subCriteria: SubCriterion[], surveyShare: number, minValidPerGroup: number) => ({
  version,
  optionWeights,
  subCriteria,
  minValidPerGroup,
  surveyShare,
});

const presets = [
  {
    id: '2023-province',
    description: 'Đợt điều tra xã hội học năm 2023 của 63 tỉnh, thành phố trực thuộc Trung ương với bốn nhóm đối tượng theo Công văn số 7156/BNV-CCHC.',
    defaults: { listDeadline: '2023-12-15', responseDeadline: '2024-01-10' },
    campaign: {
      name: 'Điều tra xã hội học xác định Chỉ số CCHC năm 2023 — cấp tỉnh',
      year: 2023,
      level: 'province',
      description:
        'Theo Công văn số 7156/BNV-CCHC ngày 06/12/2023 của Bộ Nội vụ: khảo sát toàn bộ đại biểu Hội đồng nhân dân cấp tỉnh, lãnh đạo các cơ quan chuyên môn cấp tỉnh, lãnh đạo các phòng thuộc cơ quan chuyên môn cấp tỉnh và lãnh đạo Ủy ban nhân dân cấp huyện của 63 tỉnh, thành phố trực thuộc Trung ương.',
      bodies: provinceBodies2023,
      groups: provinceGroups2023,
      forms: provinceForms2023,
      scoring: scoring('2023.1', provinceSubCriteria, 38.5, 5),
      mail,
      integrity: {},
    },
  },
  {
    id: '2025-province',
    description: 'Đợt điều tra xã hội học năm 2025 của 34 tỉnh, thành phố sau sắp xếp đơn vị hành chính, với nhóm lãnh đạo Ủy ban nhân dân cấp xã thay cho cấp huyện.',
    defaults: { listDeadline: '2025-12-15', responseDeadline: '2026-01-10' },
    campaign: {
      name: 'Điều tra xã hội học xác định Chỉ số CCHC năm 2025 — cấp tỉnh',
      year: 2025,
      level: 'province',
      description:
        'Khảo sát đại biểu Hội đồng nhân dân cấp tỉnh, lãnh đạo các cơ quan chuyên môn cấp tỉnh, lãnh đạo các phòng thuộc cơ quan chuyên môn cấp tỉnh và lãnh đạo Ủy ban nhân dân cấp xã của 34 tỉnh, thành phố từ ngày 01/7/2025 (Nghị quyết số 202/2025/QH15). Mỗi đơn vị ghi các đơn vị hành chính cũ hợp thành để so sánh với các năm trước; tiêu chí thành phần giữ như năm 2023.',
      bodies: provinceBodies2025,
      groups: provinceGroups2025,
      forms: provinceForms2025,
      scoring: scoring('2025.1', provinceSubCriteria, 38.5, 5),
      mail,
      integrity: {},
    },
  },
  {
    id: '2023-ministry',
    description: 'Đợt điều tra xã hội học năm 2023 của 19 bộ, cơ quan ngang bộ được xác định Chỉ số CCHC, với năm nhóm đối tượng.',
    defaults: { listDeadline: '2023-12-15', responseDeadline: '2024-01-10' },
    campaign: {
      name: 'Điều tra xã hội học xác định Chỉ số CCHC năm 2023 — bộ, cơ quan ngang bộ',
      year: 2023,
      level: 'ministry',
      description:
        'Theo Công văn số 7156/BNV-CCHC ngày 06/12/2023 của Bộ Nội vụ: khảo sát lãnh đạo cấp vụ, cục, tổng cục; lãnh đạo cơ quan chuyên môn cấp tỉnh thuộc ngành, lĩnh vực; lãnh đạo phòng thuộc vụ, cục; công chức phụ trách cải cách hành chính (tối đa 2 người mỗi đơn vị) và lãnh đạo tối đa 5 hội, hiệp hội của mỗi bộ, cơ quan ngang bộ. Thanh tra Chính phủ và Ủy ban Dân tộc được đánh giá nhưng xếp hạng riêng.',
      bodies: ministryBodies2023,
      groups: ministryGroups2023,
      forms: ministryForms2023,
      scoring: scoring('2023.1', ministrySubCriteria, 37, 5),
      mail,
      integrity: {},
    },
  },
  {
    id: '2025-province-internal',
    description: 'Mẫu đợt khảo sát nội bộ của một tỉnh (ví dụ Quảng Ninh, năm 2025), trong đó mỗi người đánh giá nhiều sở, ngành hoặc xã, phường trên một bảng.',
    defaults: { listDeadline: '2025-11-28', responseDeadline: '2025-12-20' },
    campaign: {
      name: 'Điều tra xã hội học xác định Chỉ số CCHC năm 2025 của các sở, ngành và Ủy ban nhân dân cấp xã — tỉnh Quảng Ninh',
      year: 2025,
      level: 'province',
      description:
        'Đại biểu Hội đồng nhân dân tỉnh và lãnh đạo Ủy ban nhân dân cấp xã đánh giá từng sở, ngành; lãnh đạo các sở, ngành đánh giá từng xã, phường, đặc khu. Danh sách đơn vị được đánh giá là ví dụ, tỉnh điều chỉnh cho đầy đủ trước khi mở đợt khảo sát.',
      bodies: [provinceBodies2025.find((b) => b.code === '22')!],
      groups: internalGroups2025,
      forms: internalForms2025,
      units: internalUnits2025,
      scoring: scoring('2025.1', internalSubCriteria, 30, 3),
      mail,
      integrity: {},
    },
  },
];

/** Invariants the campaign shape does not check but the presets promise. */
function checkPreset(id: string, forms: Form[], subCriteria: SubCriterion[], questionRange: [number, number]) {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const form of forms) {
    const questions = form.sections.flatMap((s) => s.questions);
    questions.forEach((q) => used.add(q.subCriterion));
    if (questions.length < questionRange[0] || questions.length > questionRange[1]) {
      problems.push(`${id}: phiếu ${form.code} có ${questions.length} câu, ngoài khoảng ${questionRange.join('–')}`);
    }
    const texts = new Set<string>();
    for (const q of questions) {
      if (texts.has(q.text)) problems.push(`${id}: phiếu ${form.code} có câu hỏi trùng nội dung: ${q.text}`);
      texts.add(q.text);
    }
  }
  for (const s of subCriteria) if (!used.has(s.code)) problems.push(`${id}: tiêu chí ${s.code} không có câu hỏi nào`);
  return problems;
}

const problems = [
  ...checkPreset('2023-province', provinceForms2023, provinceSubCriteria, [20, 30]),
  ...checkPreset('2025-province', provinceForms2025, provinceSubCriteria, [20, 30]),
  ...checkPreset('2023-ministry', ministryForms2023, ministrySubCriteria, [20, 30]),
  ...checkPreset('2025-province-internal', internalForms2025, internalSubCriteria, [8, 12]),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const check = process.argv.includes('--check');
let stale = 0;
for (const preset of presets) {
  parsePreset(preset, `${preset.id}.json`);
  const file = fileURLToPath(new URL(`../../src/presets/${preset.id}.json`, import.meta.url));
  const text = `${JSON.stringify(preset, null, 2)}\n`;
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // not written yet
  }
  if (current === text) continue;
  if (check) {
    console.error(`${preset.id}.json chưa được cập nhật; chạy npx tsx scripts/presets/build.ts`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`đã ghi src/presets/${preset.id}.json`);
  }
}
if (stale) process.exit(1);
