// What a respondent answers: the group's form over the units they rate (their
// own body in the national round, a grid of units in a province's own round),
// and how posted fields `<unit>:<question>` = option become checked answers.
// Unknown fields are ignored; a wrong option or a missing required answer is
// reported next to its question, and the answers given are kept.
import type { CampaignConfig, Form } from '../campaigns/campaign-config.js';

export type RatedUnit = { code: string; name: string };
/** `{ [ratedUnitCode]: { [questionId]: optionCode } }` */
export type Answers = Record<string, Record<string, string>>;
export type AnswerIssue = { unit: string; question: string; kind: 'missing' | 'option'; message: string };

export type Questionnaire = { form: Form; units: RatedUnit[] };

/** The units an invitation rates: its body, or the campaign's units of the form's kind that belong to the body. */
export function ratedUnits(config: CampaignConfig, form: Form, body: RatedUnit): RatedUnit[] {
  if (form.ratedUnits === 'own_body') return [body];
  return config.units
    .filter((u) => u.kind === form.unitKind && (u.bodyCode === undefined || u.bodyCode === body.code))
    .map((u) => ({ code: u.code, name: u.name }));
}

export const fieldName = (unit: string, question: string) => `${unit}:${question}`;

/** Keeps the answers that name a rated unit, a question and one of its options; reports wrong options. */
export function readAnswers(q: Questionnaire, fields: Record<string, unknown>): { answers: Answers; issues: AnswerIssue[] } {
  const answers: Answers = {};
  const issues: AnswerIssue[] = [];
  for (const unit of q.units) {
    for (const section of q.form.sections) {
      for (const question of section.questions) {
        const raw = fields[fieldName(unit.code, question.id)];
        const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
        if (typeof value !== 'string' || value === '') continue;
        if (!question.options.some((o) => o.code === value)) {
          issues.push({ unit: unit.code, question: question.id, kind: 'option', message: `Phương án "${value.slice(0, 8)}" không có trong câu hỏi này; hãy chọn lại.` });
          continue;
        }
        (answers[unit.code] ??= {})[question.id] = value;
      }
    }
  }
  return { answers, issues };
}

/** Required questions left unanswered, in the order of the form. */
export function missingAnswers(q: Questionnaire, answers: Answers): AnswerIssue[] {
  const missing: AnswerIssue[] = [];
  for (const unit of q.units) {
    for (const section of q.form.sections) {
      for (const question of section.questions) {
        if (question.required && !answers[unit.code]?.[question.id]) {
          missing.push({ unit: unit.code, question: question.id, kind: 'missing', message: 'Chưa trả lời câu hỏi bắt buộc này.' });
        }
      }
    }
  }
  return missing;
}

/** Drafts are JSON from the database: keep only what still fits the form. */
export function cleanDraft(q: Questionnaire, draft: unknown): Answers {
  if (!draft || typeof draft !== 'object') return {};
  const fields: Record<string, unknown> = {};
  for (const [unit, byQuestion] of Object.entries(draft as Record<string, unknown>)) {
    if (!byQuestion || typeof byQuestion !== 'object') continue;
    for (const [question, option] of Object.entries(byQuestion as Record<string, unknown>)) fields[fieldName(unit, question)] = option;
  }
  return readAnswers(q, fields).answers;
}

export function countAnswers(answers: Answers): number {
  return Object.values(answers).reduce((n, byQuestion) => n + Object.keys(byQuestion).length, 0);
}

export function questionCount(q: Questionnaire): number {
  return q.units.length * q.form.sections.reduce((n, s) => n + s.questions.length, 0);
}

/** Per section: questions answered out of asked, for the progress bar through the sections ('done' once all are). */
export function sectionProgress(q: Questionnaire, answers: Answers) {
  return q.form.sections.map((s) => {
    const asked = s.questions.length * q.units.length;
    let answered = 0;
    for (const u of q.units) {
      const given = answers[u.code];
      if (given) for (const x of s.questions) if (given[x.id]) answered++;
    }
    return { code: s.code, title: s.title, asked, answered, state: answered === asked ? ('done' as const) : ('' as const) };
  });
}
