import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext, safeNext } from '../../web/page-context.js';
import { createUserBody } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';

const loginForm = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(2000).optional(),
  /** Second step: the signed note from the first step and the code. */
  pending: z.string().max(500).optional(),
  code: z.string().max(64).optional(),
});
const accountForm = z.record(z.string(), z.string().max(1024));

export const accountsPages: RoutePlugin<{ accounts: AccountsService; adminSecondFactor?: boolean }> = async (app, { accounts, adminSecondFactor = false }) => {
  const r = typed(app);

  r.get('/login', {
    config: { access: 'public', page: true },
    schema: { hide: true, querystring: z.object({ next: z.string().max(2000).optional(), changed: z.string().max(8).optional() }) },
    handler: async (request, reply) =>
      reply.page('login', { csrfToken: await reply.generateCsrf(), next: safeNext(request.query.next), notice: request.query.changed ? 'Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.' : undefined }),
  });

  r.post('/login', {
    config: { access: 'public', page: true },
    preValidation: app.csrfProtection,
    schema: { hide: true, body: loginForm },
    handler: async (request, reply) => {
      const { username, password, next, pending, code } = request.body;
      const client = { ip: request.ip };
      try {
        const { claims, expiresAt } = pending
          ? await accounts.completeLogin(pending, code ?? '', client)
          : await accounts.login({ username: username.trim().toLowerCase(), password }, client);
        await app.startSession(reply, claims, expiresAt);
        return reply.redirect(safeNext(next), 303);
      } catch (error) {
        if (!(error instanceof AppError) || (error.status !== 401 && error.status !== 429)) throw error;
        const step = typeof error.details?.pending === 'string' ? { pending: error.details.pending } : {};
        return reply.page('login', { csrfToken: await reply.generateCsrf(), next: safeNext(next), username, error: error.code === 'second_factor_required' ? undefined : error.message, ...step }, error.code === 'second_factor_required' ? 200 : error.status);
      }
    },
  });

  r.post('/logout', {
    config: { access: ['admin', 'body', 'scoring'], page: true, enrolment: true },
    schema: { hide: true },
    handler: async (request, reply) => {
      await accounts.logout(principalOf(request));
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
