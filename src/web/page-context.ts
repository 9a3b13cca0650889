// What every logged-in page is rendered with: who is logged in, a CSRF token
// for its forms, and the campaign whose deadlines the header shows.
import type { FastifyReply, FastifyRequest } from 'fastify';

export async function pageContext(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
  return { principal: request.principal, csrfToken: await reply.generateCsrf(), ...extra };
}

/** Only paths on this site are followed after login, never another origin. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/';
}
