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
  displayName: z.string().nullable(),
});

export const accountsRoutes: RoutePlugin<{ accounts: AccountsService }> = async (app, { accounts }) => {
  const r = typed(app);
  const tags = ['accounts'];

  r.post('/api/v1/auth/login', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}` } },
    schema: { tags, summary: 'Log in; returns a bearer token and sets the session cookie', body: loginBody, response: { 200: loginResult } },
    handler: async (request, reply) => {
      const { user, claims } = await accounts.login(request.body.username, request.body.password);
      const session = await app.startSession(reply, claims);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'Clear the session cookie', response: { 204: z.null() } },
    handler: async (_request, reply) => {
      app.endSession(reply);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/auth/me', {
    config: { access: ['admin', 'body', 'scoring'] },
    schema: { tags, response: { 200: principalView } },
    handler: async (request) => principalOf(request),
  });

  r.post('/api/v1/auth/password', {
    config: { access: ['admin', 'body', 'scoring'], rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Change your own password; ends your other sessions', body: changePasswordBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await accounts.changeOwnPassword(principalOf(request), request.body.currentPassword, request.body.newPassword);
      app.endSession(reply);
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
