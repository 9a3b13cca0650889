// Logs in through the login form as a browser would (CSRF cookie and token,
// then the session cookie) and fetches pages with those cookies.
import type { FastifyInstance } from 'fastify';
import { TEST_PASSWORD } from './app.js';

export type Browser = { cookie: string; get(url: string): Promise<{ status: number; body: string; location?: string }>; post(url: string, form: Record<string, string>): Promise<{ status: number; body: string; location?: string }> };

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export function csrfFrom(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

export async function pageLogin(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Browser> {
  const jar = new Map<string, string>();
  const remember = (res: { cookies: { name: string; value: string }[] }) => res.cookies.forEach((c) => jar.set(c.name, c.value));
  const request = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
    const res = await app.inject({
      method,
      url,
      headers: { cookie: cookieHeader(jar), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    remember(res);
    return { status: res.statusCode, body: res.body, location: res.headers.location as string | undefined };
  };
  const loginPage = await request('GET', '/login');
  const res = await request('POST', '/login', { _csrf: csrfFrom(loginPage.body), username, password, next: '/' });
  if (res.status !== 303) throw new Error(`page login failed: ${res.status}`);
  return { cookie: cookieHeader(jar), get: (url) => request('GET', url), post: (url, form) => request('POST', url, form) };
}
