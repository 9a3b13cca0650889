import { z } from 'zod';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { changePasswordBody, createUserBody, loginBody, loginResult, updateUserBody, userSchema } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';

const idParams = z.object({ id: z.uuid() });
const principalView = z.object({
  userId: z.string(),
  username: z.string(),
  role: z.string(),
  bodyCode: z.string().nullable(),
  bodyName: z.string().nullable(),
  displayName: z.string().nullable(),
  secondFactor: z.boolean(),
  mustEnrol: z.boolean(),
});
const everyone = ['admin', 'body', 'scoring'] as const;

const enrolmentView = z.object({ secret: z.string(), uri: z.string() });
const codeBody = z.object({ code: z.string().trim().min(1, 'cần mã xác thực').max(32) });

export const accountsRoutes: RoutePlugin<{ accounts: AccountsService; adminSecondFactor: boolean }> = async (app, { accounts, adminSecondFactor }) => {
  const r = typed(app);
  const tags = ['accounts'];

  r.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Log in; returns a bearer token and sets the session cookie',
      description: 'Accounts with a second factor also send `code`: the 6-digit TOTP code or a recovery code. Tries are limited per account and per address.',
      body: loginBody,
      response: { 200: loginResult },
    },
    handler: async (request, reply) => {
      const { user, claims, expiresAt } = await accounts.login(request.body, { ip: request.ip });
      const session = await app.startSession(reply, claims, expiresAt);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'End the session (on every process) and clear the cookie', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const principal = await app.authenticate(request).catch(() => null);
      if (principal) await accounts.logout(principal);
      app.endSession(reply);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/auth/me', {
    config: { access: everyone, enrolment: true },
    schema: { tags, response: { 200: principalView } },
    handler: async (request) => principalOf(request),
  });

  r.post('/api/v1/auth/password', {
    config: { access: everyone, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Change your own password; ends your other sessions', body: changePasswordBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await accounts.changeOwnPassword(principalOf(request), request.body.currentPassword, request.body.newPassword);
      app.endSession(reply);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/auth/second-factor', {
    config: { access: everyone, enrolment: true },
    schema: { tags, summary: 'Start setting up TOTP: a new secret and its otpauth:// URI, in force once confirmed', response: { 200: enrolmentView } },
    handler: async (request) => accounts.startEnrolment(principalOf(request)),
  });

  r.post('/api/v1/auth/second-factor/confirm', {
    config: { access: everyone, enrolment: true },
    schema: { tags, summary: 'Confirm with a code from the app; returns ten single-use recovery codes, shown once', body: codeBody, response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) } },
    handler: async (request) => ({ recoveryCodes: await accounts.confirmEnrolment(principalOf(request), request.body.code) }),
  });

  r.delete('/api/v1/auth/second-factor', {
    config: { access: everyone },
    schema: { tags, summary: 'Turn the second factor off (not for administrators who must use it)', body: z.object({ password: z.string().min(1).max(1024) }), response: { 204: z.null() } },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await accounts.disableSecondFactor(principal, request.body.password, adminSecondFactor && principal.role === 'admin');
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/users', {
    config: { access: ['admin'] },
    schema: { tags, response: { 200: z.array(userSchema) } },
    handler: async () => accounts.listUsers(),
  });

  r.post('/api/v1/users', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Create an account (MOHA issues every body its account)', body: createUserBody, response: { 201: userSchema } },
    handler: async (request, reply) => reply.code(201).send(await accounts.createUser(request.body, principalOf(request).username)),
  });

  r.patch('/api/v1/users/:id', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Reset a password, lock or unlock an account', params: idParams, body: updateUserBody, response: { 200: userSchema } },
    handler: async (request) => accounts.updateUser(request.params.id, request.body, principalOf(request).username),
  });

  r.post('/api/v1/users/:id/revoke', {
    config: { access: ['admin'] },
    schema: { tags, summary: "End all of an account's sessions", params: idParams, response: { 200: userSchema } },
    handler: async (request) => accounts.revokeSessions(request.params.id, principalOf(request).username),
  });
};
