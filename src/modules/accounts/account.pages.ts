// One's own account: the second factor (set up with an authenticator app,
// recovery codes shown once) and changing one's own password.
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext } from '../../web/page-context.js';
import type { AccountsService } from './accounts.service.js';

const everyone = ['admin', 'body', 'scoring'] as const;
const form = z.record(z.string(), z.string().max(1024));

export const accountPages: RoutePlugin<{ accounts: AccountsService; adminSecondFactor?: boolean }> = async (app, { accounts, adminSecondFactor = false }) => {
  const r = typed(app);
  const required = (role: string) => adminSecondFactor && role === 'admin';

  async function security(request: Parameters<typeof pageContext>[0], reply: Parameters<typeof pageContext>[1], extra: Record<string, unknown> = {}, status = 200) {
    const principal = principalOf(request);
    const enrolment = principal.secondFactor ? null : await accounts.pendingEnrolment(principal);
    const left = principal.secondFactor ? await accounts.recoveryCodesLeft(principal) : 0;
    return reply.page('account-security', await pageContext(request, reply, { enrolment, left, required: required(principal.role), ...extra }), status);
  }

  r.get('/account/security', {
    config: { access: everyone, page: true, enrolment: true },
    schema: { hide: true },
    handler: async (request, reply) => security(request, reply),
  });

  r.post('/account/security/start', {
    config: { access: everyone, page: true, enrolment: true },
    schema: { hide: true, body: form },
    handler: async (request, reply) => {
      await accounts.startEnrolment(principalOf(request));
      return reply.redirect('/account/security', 303);
    },
  });

  r.post('/account/security/confirm', {
    config: { access: everyone, page: true, enrolment: true },
    schema: { hide: true, body: form },
    handler: async (request, reply) => {
      try {
        const recoveryCodes = await accounts.confirmEnrolment(principalOf(request), request.body.code ?? '');
        request.principal = { ...principalOf(request), secondFactor: true, mustEnrol: false };
        return await security(request, reply, { recoveryCodes });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return security(request, reply, { error: error.message }, error.status);
      }
    },
  });

  r.post('/account/security/disable', {
    config: { access: everyone, page: true },
    schema: { hide: true, body: form },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      try {
        await accounts.disableSecondFactor(principal, request.body.password ?? '', required(principal.role));
        request.principal = { ...principal, secondFactor: false };
        return await security(request, reply, { notice: 'Đã tắt xác thực hai lớp.' });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return security(request, reply, { error: error.message }, error.status === 401 ? 422 : error.status);
      }
    },
  });

  r.get('/account/password', {
    config: { access: everyone, page: true },
    schema: { hide: true },
    handler: async (request, reply) => reply.page('account-password', await pageContext(request, reply)),
  });

  r.post('/account/password', {
    config: { access: everyone, page: true },
    schema: { hide: true, body: form },
    handler: async (request, reply) => {
      const { currentPassword = '', newPassword = '', confirmPassword = '' } = request.body;
      try {
        if (newPassword !== confirmPassword) throw new AppError('passwords_differ', 422, 'Hai lần nhập mật khẩu mới không giống nhau.');
        await accounts.changeOwnPassword(principalOf(request), currentPassword, newPassword);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return reply.page('account-password', await pageContext(request, reply, { error: error.message }), error.status === 401 ? 422 : error.status);
      }
      app.endSession(reply);
      return reply.redirect('/login?changed=1', 303);
    },
  });
};
