// The questionnaire page without the template engine on every request. The
// page of a form for one body is the same for everyone but for a few values:
// the link, the answers checked, the counts, the time left, the form's key and
// stamp.
// So the template is rendered once per form and body with a marker in each of
// those places, the text between markers is kept as UTF-8 bytes, and a request
// only writes its own values between them. A page with nothing answered yet
// (most openings) differs from the next only by the link, the key and the
// stamp: that page is kept with everything else written in, until the time
// left it shows changes. A page with a notice or with answers to correct is
// rendered by the template as before.
import type { Views } from '../../web/views.js';
import type { Form } from '../campaigns/campaign-config.js';
import type { FormView } from './survey.service.js';

const MARK = '\u0001';
const slot = (name: string) => `${MARK}${name}${MARK}`;

type Slot =
  | { kind: 'action' | 'key' | 'stamp' | 'answered' | 'deadline' | 'timeLeft' }
  | { kind: 'section' | 'sectionState'; section: string }
  | { kind: 'checked'; unit: string; question: string; option: string };

/**
 * The page's fixed text as one buffer; slot i sits between `ends[i]` and
 * `starts[i + 1]`. The option slots, nearly all empty on any page, are found
 * by their answer instead of visited one by one.
 */
type Compiled = { text: Buffer; starts: number[]; ends: number[]; slots: Slot[]; others: number[]; options: Map<string, number[]> };

/** What a request writes itself, on every page. */
const PER_REQUEST: ReadonlySet<Slot['kind']> = new Set(['action', 'key', 'stamp']);

function assemble(parts: Buffer[], slots: Slot[]): Compiled {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const part of parts) {
    starts.push(at);
    ends.push((at += part.length));
  }
  const others: number[] = [];
  const options = new Map<string, number[]>();
  slots.forEach((s, i) => {
    if (s.kind !== 'checked') return others.push(i);
    const key = optionKey(s.unit, s.question, s.option);
    const at = options.get(key);
    if (at) at.push(i);
    else options.set(key, [i]);
  });
  return { text: Buffer.concat(parts), starts, ends, slots, others, options };
}

/** The page with every slot but the per-request ones written into its fixed text. */
function bake(page: Compiled, valueAt: (i: number) => string): Compiled {
  const parts: Buffer[][] = [[page.text.subarray(page.starts[0], page.ends[0])]];
  const slots: Slot[] = [];
  page.slots.forEach((s, i) => {
    const next = page.text.subarray(page.starts[i + 1], page.ends[i + 1]);
    if (PER_REQUEST.has(s.kind)) {
      slots.push(s);
      parts.push([next]);
    } else parts.at(-1)!.push(Buffer.from(valueAt(i), 'utf8'), next);
  });
  return assemble(parts.map((p) => Buffer.concat(p)), slots);
}

const optionKey = (unit: string, question: string, option: string) => `${unit}\u0002${question}\u0002${option}`;

function parseSlot(name: string): Slot | undefined {
  if (name === 'action' || name === 'key' || name === 'stamp' || name === 'answered' || name === 'deadline' || name === 'timeLeft') return { kind: name };
  const [kind, ...rest] = name.split('\u0002');
  if (kind === 's' && rest.length === 1) return { kind: 'section', section: rest[0]! };
  if (kind === 'd' && rest.length === 1) return { kind: 'sectionState', section: rest[0]! };
  if (kind === 'c' && rest.length === 3) return { kind: 'checked', unit: rest[0]!, question: rest[1]!, option: rest[2]! };
  return undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => (/[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text);

export function createFormPages(views: Views) {
  /**
   * Per form (the campaign's own object, so a new configuration compiles anew)
   * and body: the page (null when it cannot be compiled), and the page with
   * nothing answered for the deadline and time left it was baked with.
   */
  const compiled = new WeakMap<Form, Map<string, { page: Compiled | null; blank?: { shows: string; page: Compiled } }>>();

  function compile(v: FormView): Compiled | null {
    const marked: FormView = {
      ...v,
      deadline: slot('deadline'),
      timeLeft: slot('timeLeft'),
      submissionKey: slot('key'),
      stamp: slot('stamp'),
      answered: slot('answered') as unknown as number,
      answers: {},
      issues: {},
      issueList: [],
      sections: v.sections.map((s) => ({ ...s, answered: slot(`s\u0002${s.code}`) as unknown as number, state: slot(`d\u0002${s.code}`) as never })),
      checked: (unit, question, option) => slot(`c\u0002${unit}\u0002${question}\u0002${option}`),
    };
    const pieces = views.render('survey', { v: marked, action: slot('action'), notice: null }).split(MARK);
    const slots: Slot[] = [];
    for (let i = 1; i < pieces.length; i += 2) {
      const parsed = parseSlot(pieces[i]!);
      // A marker character in the campaign's own text: this page is rendered whole, every time.
      if (!parsed) return null;
      slots.push(parsed);
    }
    if (pieces.length % 2 === 0) return null;
    return assemble(pieces.filter((_, i) => i % 2 === 0).map((p) => Buffer.from(p, 'utf8')), slots);
  }

  function valueOf(s: Slot, v: FormView, action: string, sections: Map<string, FormView['sections'][number]>): string {
    switch (s.kind) {
      case 'action':
        return escapeHtml(action);
      case 'key':
        return escapeHtml(v.submissionKey);
      case 'stamp':
        return escapeHtml(v.stamp);
      case 'answered':
        return String(v.answered);
      case 'deadline':
        return escapeHtml(v.deadline);
      case 'timeLeft':
        return escapeHtml(v.timeLeft);
      case 'section':
        return String(sections.get(s.section)?.answered ?? 0);
      case 'sectionState':
        return sections.get(s.section)?.state ?? '';
      case 'checked':
        return v.answers[s.unit]?.[s.question] === s.option ? ' checked' : '';
    }
  }

  return {
    /** The form page as bytes: filled in from the compiled page, or rendered whole when it shows a notice or issues. */
    render(v: FormView, action: string, notice: string | null): Buffer | string {
      if (notice || v.issueList.length) return views.render('survey', { v, action, notice });
      let byBody = compiled.get(v.questionnaire.form);
      if (!byBody) compiled.set(v.questionnaire.form, (byBody = new Map()));
      const key = `${v.context.campaign}\u0002${v.context.body}\u0002${v.context.group}`;
      let entry = byBody.get(key);
      if (entry === undefined) byBody.set(key, (entry = { page: compile(v) }));
      if (!entry.page) return views.render('survey', { v, action, notice });
      const sections = new Map(v.sections.map((s) => [s.code, s]));
      let page = entry.page;
      if (v.answered === 0) {
        const shows = `${v.deadline}\u0002${v.timeLeft}`;
        if (entry.blank?.shows !== shows) {
          const full = entry.page;
          entry.blank = { shows, page: bake(full, (i) => valueOf(full.slots[i]!, v, action, sections)) };
        }
        page = entry.blank.page;
      }
      // The slots with a value, in page order; the fixed text runs on across all the others.
      const filled: { at: number; value: string }[] = [];
      for (const i of page.others) {
        const value = valueOf(page.slots[i]!, v, action, sections);
        if (value) filled.push({ at: i, value });
      }
      for (const [unit, byQuestion] of Object.entries(v.answers)) {
        for (const [question, option] of Object.entries(byQuestion)) for (const at of page.options.get(optionKey(unit, question, option)) ?? []) filled.push({ at, value: ' checked' });
      }
      filled.sort((a, b) => a.at - b.at);
      let length = page.text.length;
      for (const f of filled) length += Buffer.byteLength(f.value, 'utf8');
      const out = Buffer.allocUnsafe(length);
      let written = 0;
      let from = 0;
      for (const { at, value } of filled) {
        written += page.text.copy(out, written, from, page.ends[at]);
        written += out.write(value, written, 'utf8');
        from = page.starts[at + 1]!;
      }
      page.text.copy(out, written, from);
      return out;
    },
  };
}

export type FormPages = ReturnType<typeof createFormPages>;
