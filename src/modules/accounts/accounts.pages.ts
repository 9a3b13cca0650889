import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext, safeNext } from '../../web/page-context.js';
import { createUserBody } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';

const loginForm = z.object({ username: z.string().max(200).default(''), password: z.string().max(1024).default(''), next: z.string().max(2000).optional() });
const accountForm = z.record(z.string(), z.string().max(1024));

export const accountsPages: RoutePlugin<{ accounts: AccountsService }> = async (app, { accounts }) => {
  const r = typed(app);

  r.get('/login', {
    config: { access: 'public', page: true },
    schema: { hide: true, querystring: z.object({ next: z.string().max(2000).optional() }) },
    handler: async (request, reply) => reply.page('login', { csrfToken: await reply.generateCsrf(), next: safeNext(request.query.next) }),
  });

  r.post('/login', {
    config: { access: 'public', page: true, rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}` } },
    preValidation: app.csrfProtection,
    schema: { hide: true, body: loginForm },
    handler: async (request, reply) => {
      const { username, password, next } = request.body;
      try {
        const { claims } = await accounts.login(username.trim().toLowerCase(), password);
        await app.startSession(reply, claims);
        return reply.redirect(safeNext(next), 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 401) throw error;
        return reply.page('login', { csrfToken: await reply.generateCsrf(), next: safeNext(next), username, error: error.message }, 401);
      }
    },
  });

  r.post('/logout', {
    config: { access: ['admin', 'body', 'scoring'], page: true },
    schema: { hide: true },
    handler: async (_request, reply) => {
      app.endSession(reply);
      return reply.redirect('/login', 303);
    },
  });

  r.get('/admin/accounts', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, querystring: z.object({ created: z.string().max(64).optional() }) },
    handler: async (request, reply) =>
      reply.page('accounts', await pageContext(request, reply, { users: await accounts.listUsers(), created: request.query.created, form: {} })),
  });

  r.post('/admin/accounts', {
    config: { access: ['admin'], page: true },
    schema: { hide: true, body: accountForm },
    handler: async (request, reply) => {
      const form = request.body;
      const parsed = createUserBody.safeParse({ ...form, bodyCode: form.role === 'body' ? form.bodyCode?.trim() || undefined : undefined, displayName: form.displayName || undefined });
      try {
        if (!parsed.success) throw new AppError('validation_failed', 422, parsed.error.issues.map((i) => i.message).join('; '));
        const user = await accounts.createUser(parsed.data, principalOf(request).username);
        return reply.redirect(`/admin/accounts?created=${encodeURIComponent(user.username)}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const { password: _omit, ...kept } = form;
        return reply.page('accounts', await pageContext(request, reply, { users: await accounts.listUsers(), error: error.message, form: kept }), error.status);
      }
    },
  });
};
