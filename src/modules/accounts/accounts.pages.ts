import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { safeNext } from '../../web/page-context.js';
import type { AccountsService } from './accounts.service.js';

const loginForm = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(2000).optional(),
  /** Second step: the signed note from the first step and the code. */
  pending: z.string().max(500).optional(),
  code: z.string().max(64).optional(),
});

export const accountsPages: RoutePlugin<{ accounts: AccountsService }> = async (app, { accounts }) => {
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
};
