// A simulated respondent over plain HTTP: opens the link from the mail, reads
// the form, waits as a person would (or not at all), and submits it. The device
// is its user agent and, with TRUST_PROXY set, the X-Forwarded-For address.
import { honestAnswers, parseSurveyForm, plantedAnswers, submission } from './form.js';

export type Device = { userAgent: string; address: string };

export type Respondent = { link: string; device: Device; style: 'honest' | 'planted'; thinkMs: number; random: () => number };

export type Outcome = { status: 'submitted' | 'refused' | 'failed'; httpStatus: number; message?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cookiesFrom(res: Response): string {
  const set = res.headers.getSetCookie?.() ?? [];
  return set.map((c) => c.split(';')[0]).join('; ');
}

export async function answer(r: Respondent): Promise<Outcome> {
  const headers = { 'user-agent': r.device.userAgent, 'x-forwarded-for': r.device.address, 'accept-language': 'vi-VN,vi;q=0.9' };
  const page = await fetch(r.link, { headers });
  if (page.status !== 200) return { status: 'refused', httpStatus: page.status };
  const form = parseSurveyForm(await page.text());
  if (form.questions.size === 0) return { status: 'failed', httpStatus: page.status, message: 'no questions on the page' };
  const answers = r.style === 'planted' ? plantedAnswers(form) : honestAnswers(form, r.random);
  if (r.thinkMs > 0) await sleep(r.thinkMs);
  const cookie = cookiesFrom(page);
  const res = await fetch(new URL(form.action ?? r.link, r.link), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: submission(form, answers),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status < 400 ? { status: 'submitted', httpStatus: res.status } : { status: 'failed', httpStatus: res.status };
}

const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36 Edg/119.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Mobile Safari/537.36 Zalo',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0 Chrome/111.0 Safari/537.36',
];

/** A person's own device: a common browser at an address of their own network. */
export function ownDevice(random: () => number): Device {
  const octet = () => 1 + Math.floor(random() * 250);
  return { userAgent: AGENTS[Math.floor(random() * AGENTS.length)]!, address: `${[14, 27, 42, 113, 116, 171, 183][Math.floor(random() * 7)]}.${octet()}.${octet()}.${octet()}` };
}

/** The one machine a planted operator answers every form from. */
export const SHARED_DEVICE: Device = { userAgent: AGENTS[0]!, address: '113.160.44.21' };

/** Runs `tasks` with at most `limit` at a time, reporting each finished one. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>, done: (result: R) => void = () => {}): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
      done(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
