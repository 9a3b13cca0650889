// Reads a survey page the way a browser submits it: each radio group's name
// and its options, and the hidden fields to send back. Simulated respondents
// pick answers from it; an honest one varies, a planted one copies one sheet.
export type SurveyForm = {
  action: string | null;
  /** `<ratedUnitCode>:<questionId>` → option codes in page order. */
  questions: Map<string, string[]>;
  hidden: Record<string, string>;
};

const INPUT = /<input\b([^>]*)>/gi;
const ATTR = /([a-zA-Z_:-]+)\s*=\s*"([^"]*)"/g;

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!.toLowerCase()] = unescapeHtml(m[2]!);
  return out;
}

export function parseSurveyForm(html: string): SurveyForm {
  const questions = new Map<string, string[]>();
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(INPUT)) {
    const a = attributes(m[1]!);
    if (!a.name) continue;
    if (a.type === 'radio') {
      const options = questions.get(a.name) ?? [];
      if (a.value !== undefined) options.push(a.value);
      questions.set(a.name, options);
    } else if (a.type === 'hidden') hidden[a.name] = a.value ?? '';
  }
  const action = html.match(/<form\b[^>]*\baction="([^"]*)"/i)?.[1];
  return { action: action ? unescapeHtml(action) : null, questions, hidden };
}

/** An honest respondent: leans to the better options, now and then "don't know". */
export function honestAnswers(form: SurveyForm, random: () => number): Record<string, string> {
  const answers: Record<string, string> = {};
  const lean = random();
  for (const [name, options] of form.questions) {
    if (options.length === 0) continue;
    const r = random();
    const scale = Math.min(options.length, 4);
    const index = r < 0.05 && options.length > 4 ? options.length - 1 : Math.min(scale - 1, Math.floor(Math.pow(random(), 1 + lean) * scale));
    answers[name] = options[index]!;
  }
  return answers;
}

/** The one sheet a planted operator fills in for everyone: always the best option. */
export function plantedAnswers(form: SurveyForm): Record<string, string> {
  return Object.fromEntries([...form.questions].filter(([, o]) => o.length > 0).map(([name, options]) => [name, options[0]!]));
}

/** The urlencoded body of a submission. */
export function submission(form: SurveyForm, answers: Record<string, string>, action: 'save' | 'submit' = 'submit'): string {
  const params = new URLSearchParams({ ...form.hidden, js: '1' });
  for (const [k, v] of Object.entries(answers)) params.set(k, v);
  params.set('action', action);
  return params.toString();
}
