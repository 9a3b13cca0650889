// Respondents for the faults tests: each opens its link and submits, retrying
// on 503 as a person pressing the button again would, and records what it was told.
import { honestAnswers, parseSurveyForm, submission } from '../../../src/demo/form.js';
import { seededRandom } from '../../../src/demo/people.js';

export type Attempt = { invitationId: string; outcome: 'acknowledged' | 'already' | 'failed' | 'pending'; statuses: number[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One submission; `retryFor` ms of 503s or refused connections are retried. */
export async function submitOnce(base: () => string, token: string, attempt: Attempt, retryFor = 0, random = seededRandom(1)): Promise<Attempt> {
  const until = Date.now() + retryFor;
  for (;;) {
    try {
      const page = await fetch(`${base()}/s/${token}`);
      attempt.statuses.push(page.status);
      if (page.status === 410) return Object.assign(attempt, { outcome: 'already' as const });
      if (page.status === 200) {
        const form = parseSurveyForm(await page.text());
        const res = await fetch(`${base()}/s/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: submission(form, honestAnswers(form, random)), redirect: 'manual' });
        await res.arrayBuffer();
        attempt.statuses.push(res.status);
        if (res.status < 400) return Object.assign(attempt, { outcome: 'acknowledged' as const });
        if (res.status === 410) return Object.assign(attempt, { outcome: 'already' as const });
        if (res.status !== 503) return Object.assign(attempt, { outcome: 'failed' as const });
      } else {
        await page.arrayBuffer();
        if (page.status !== 503) return Object.assign(attempt, { outcome: 'failed' as const });
      }
    } catch {
      attempt.statuses.push(0);
    }
    if (Date.now() > until) return attempt;
    await sleep(200);
  }
}
