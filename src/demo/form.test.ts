import { describe, expect, it } from 'vitest';
import { honestAnswers, parseSurveyForm, plantedAnswers, submission } from './form.js';
import { seededRandom } from './people.js';

const page = `<form method="post" action="/s/abc" id="survey"><input type="hidden" name="js" value="0" id="js">
<label class="opt"><input type="radio" name="22:q1" value="A"> A</label><label class="opt"><input type="radio" name="22:q1" value="B"> B</label>
<td><input type="radio" name="22:q2" value="A" aria-labelledby="x"></td><td><input type="radio" name="22:q2" value="B" checked></td><td><input type="radio" name="22:q2" value="D"></td>
<input type="text" name="note" value="x"></form>`;

describe('reading a survey page', () => {
  it('finds every question with its options and the hidden fields', () => {
    const form = parseSurveyForm(page);
    expect(form.action).toBe('/s/abc');
    expect([...form.questions]).toEqual([
      ['22:q1', ['A', 'B']],
      ['22:q2', ['A', 'B', 'D']],
    ]);
    expect(form.hidden).toEqual({ js: '0' });
  });

  it('answers every question with one of its options and submits them urlencoded', () => {
    const form = parseSurveyForm(page);
    const answers = honestAnswers(form, seededRandom(7));
    expect(Object.keys(answers)).toEqual(['22:q1', '22:q2']);
    expect(['A', 'B']).toContain(answers['22:q1']);
    const body = new URLSearchParams(submission(form, plantedAnswers(form)));
    expect(body.get('22:q1')).toBe('A');
    expect(body.get('action')).toBe('submit');
    expect(body.get('js')).toBe('1');
  });
});
