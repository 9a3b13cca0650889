import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../presets/index.js';
import { createViews } from '../../web/views.js';
import { formForGroup, type CampaignConfig } from '../campaigns/campaign-config.js';
import { createFormPages } from './form-page.js';
import { countAnswers, questionCount, ratedUnits, sectionProgress, type Answers, type Questionnaire } from './questionnaire.js';
import type { FormView } from './survey.service.js';

const views = createViews({ cache: true });

function viewOf(config: CampaignConfig, group: string, bodyCode: string, answers: Answers, extra: Partial<FormView> = {}): FormView {
  const form = formForGroup(config, group)!;
  const body = { code: bodyCode, name: config.bodies.find((b) => b.code === bodyCode)?.name ?? bodyCode };
  const questionnaire: Questionnaire = { form, units: ratedUnits(config, form, body) };
  return {
    context: { campaign: 'c', body: bodyCode, group },
    campaignName: config.name,
    bodyName: body.name,
    groupName: config.groups.find((g) => g.code === group)!.name,
    deadline: '17:00 ngày 10/01/2100',
    timeLeft: 'còn 3 ngày',
    questionnaire,
    answers,
    issues: {},
    issueList: [],
    sections: sectionProgress(questionnaire, answers),
    checked: (unit, question, option) => (answers[unit]?.[question] === option ? ' checked' : ''),
    answered: countAnswers(answers),
    total: questionCount(questionnaire),
    reported: false,
    submissionKey: 'k&"<key>',
    stamp: '12.abc',
    ...extra,
  };
}

/** Any subset of the form's questions answered with any of their options, per rated unit. */
function answersOf(q: Questionnaire) {
  const cells = q.units.flatMap((u) => q.form.sections.flatMap((s) => s.questions.map((x) => ({ unit: u.code, question: x.id, options: x.options.map((o) => o.code) }))));
  return fc.array(fc.tuple(fc.integer({ min: 0, max: cells.length - 1 }), fc.nat()), { maxLength: cells.length }).map((picks) => {
    const answers: Answers = {};
    for (const [i, o] of picks) {
      const cell = cells[i]!;
      (answers[cell.unit] ??= {})[cell.question] = cell.options[o % cell.options.length]!;
    }
    return answers;
  });
}

describe('the questionnaire page filled in from its compiled form', () => {
  const cases = [
    { preset: '2023-province', group: 'hdnd', body: '22' },
    { preset: '2023-ministry', group: loadPreset('2023-ministry').campaign.groups[2]!.code, body: loadPreset('2023-ministry').campaign.bodies[0]!.code },
    { preset: '2025-province-internal', group: 'hdnd', body: '22' },
  ];
  for (const c of cases) {
    it(`is byte for byte the template's page, whatever is answered (${c.preset}, ${c.group})`, () => {
      const config = loadPreset(c.preset).campaign;
      const pages = createFormPages(views);
      const q = viewOf(config, c.group, c.body, {}).questionnaire;
      fc.assert(
        fc.property(answersOf(q), fc.string(), (answers, token) => {
          const v = viewOf(config, c.group, c.body, answers);
          const action = `/s/${encodeURIComponent(token)}`;
          const filled = pages.render(v, action, null);
          expect(Buffer.isBuffer(filled)).toBe(true);
          expect(filled.toString('utf8')).toBe(views.render('survey', { v, action, notice: null }));
        }),
        { numRuns: 40 },
      );
    });
  }

  it('shows the time left and deadline of each request on a page with nothing answered, and each its own link, key and stamp', () => {
    const config = loadPreset('2023-province').campaign;
    const pages = createFormPages(views);
    const shown = [
      { timeLeft: 'còn 3 ngày', deadline: '17:00 ngày 10/01/2100', submissionKey: 'k1', stamp: '0.a' },
      { timeLeft: 'còn 2 ngày 23 giờ', deadline: '17:00 ngày 10/01/2100', submissionKey: 'k2', stamp: '0.b' },
      { timeLeft: 'còn 2 ngày 23 giờ', deadline: '17:00 ngày 20/01/2100', submissionKey: 'k3', stamp: '5.c' },
      { timeLeft: 'còn 3 ngày', deadline: '17:00 ngày 10/01/2100', submissionKey: 'k4', stamp: '0.d' },
    ];
    for (const [i, values] of shown.entries()) {
      const v = viewOf(config, 'hdnd', '22', {}, values);
      expect(pages.render(v, `/s/link-${i}`, null).toString()).toBe(views.render('survey', { v, action: `/s/link-${i}`, notice: null }));
    }
  });

  it('renders a page with a notice or with answers to correct through the template', () => {
    const config = loadPreset('2023-province').campaign;
    const pages = createFormPages(views);
    const v = viewOf(config, 'hdnd', '22', {});
    expect(pages.render(v, '/s/x', 'Đã lưu câu trả lời.')).toBe(views.render('survey', { v, action: '/s/x', notice: 'Đã lưu câu trả lời.' }));
    const issue = { unit: '22', question: v.questionnaire.form.sections[0]!.questions[0]!.id, kind: 'missing' as const, message: 'Chưa trả lời.', label: 'Câu 1' };
    const wrong = viewOf(config, 'hdnd', '22', {}, { issueList: [issue], issues: { [`22:${issue.question}`]: issue.message } });
    expect(pages.render(wrong, '/s/x', null)).toBe(views.render('survey', { v: wrong, action: '/s/x', notice: null }));
  });

  it('falls back to the template when the campaign text itself holds the marker character', () => {
    const config = structuredClone(loadPreset('2023-province').campaign);
    config.name = 'Đợt \u0001 thử';
    const pages = createFormPages(views);
    const v = viewOf(config, 'hdnd', '22', {});
    expect(pages.render(v, '/s/x', null)).toBe(views.render('survey', { v, action: '/s/x', notice: null }));
  });
});
