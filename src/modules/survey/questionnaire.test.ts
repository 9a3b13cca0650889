import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../presets/index.js';
import { formForGroup } from '../campaigns/campaign-config.js';
import { cleanDraft, missingAnswers, ratedUnits, readAnswers, sectionProgress, type Questionnaire } from './questionnaire.js';

const province = loadPreset('2023-province').campaign;
const internal = loadPreset('2025-province-internal').campaign;
const form = formForGroup(province, 'hdnd')!;
const q: Questionnaire = { form, units: [{ code: '22', name: 'Quảng Ninh' }] };
const first = form.sections[0]!.questions[0]!;
const second = form.sections[0]!.questions[1]!;

describe('rated units', () => {
  it('is the own body in the national round', () => {
    expect(ratedUnits(province, form, { code: '22', name: 'Quảng Ninh' })).toEqual([{ code: '22', name: 'Quảng Ninh' }]);
  });

  it('is every unit of the form kind belonging to the body in a grid form', () => {
    const grid = formForGroup(internal, 'hdnd')!;
    const units = ratedUnits(internal, grid, { code: '22', name: 'Quảng Ninh' });
    expect(units.length).toBe(internal.units.filter((u) => u.kind === grid.unitKind).length);
    expect(ratedUnits(internal, grid, { code: '01', name: 'Hà Nội' })).toEqual([]);
  });
});

describe('reading posted answers', () => {
  it.each([
    ['a known option', { [`22:${first.id}`]: 'A' }, { '22': { [first.id]: 'A' } }, 0],
    ['an option outside the question', { [`22:${first.id}`]: 'Z' }, {}, 1],
    ['an unknown unit or question', { [`01:${first.id}`]: 'A', '22:q999': 'A', other: 'x' }, {}, 0],
    ['an empty value', { [`22:${first.id}`]: '' }, {}, 0],
    ['a repeated field, keeping the last', { [`22:${first.id}`]: ['A', 'B'] }, { '22': { [first.id]: 'B' } }, 0],
  ])('handles %s', (_, fields, answers, issues) => {
    const read = readAnswers(q, fields);
    expect(read.answers).toEqual(answers);
    expect(read.issues).toHaveLength(issues);
  });

  it('lists every required question left unanswered, in form order', () => {
    const missing = missingAnswers(q, { '22': { [first.id]: 'A' } });
    expect(missing[0]).toEqual({ unit: '22', question: second.id, kind: 'missing', message: 'Chưa trả lời câu hỏi bắt buộc này.' });
    expect(missing).toHaveLength(form.sections.flatMap((s) => s.questions).length - 1);
  });

  it('keeps only the parts of a stored draft that still fit the form', () => {
    expect(cleanDraft(q, { '22': { [first.id]: 'C', nope: 'A' }, x: 5 })).toEqual({ '22': { [first.id]: 'C' } });
    expect(cleanDraft(q, null)).toEqual({});
  });

  it('counts progress per section', () => {
    const progress = sectionProgress(q, { '22': { [first.id]: 'A', [second.id]: 'B' } });
    expect(progress[0]).toMatchObject({ code: form.sections[0]!.code, answered: 2, asked: form.sections[0]!.questions.length });
    expect(progress.slice(1).every((s) => s.answered === 0)).toBe(true);
  });
});
