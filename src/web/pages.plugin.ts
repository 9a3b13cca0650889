// What every page shares: the template renderer, static assets under /assets,
// form posts, error pages (a 401 on a page sends the person to the login page),
// and CSRF protection added to every logged-in page route that changes
// something, so that no form can be left unprotected.
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Problem } from '../plugins/errors.js';
import { assetsDir, createViews, type Views } from './views.js';

declare module 'fastify' {
  interface FastifyInstance {
    views: Views;
  }
  interface FastifyReply {
    /** Renders templates/pages/<name>.eta as a text/html response. */
    page(name: string, data?: Record<string, unknown>, status?: number): FastifyReply;
  }
}

export const pagesPlugin = fp<{ cache: boolean; secure: boolean }>(
  async (app, { cache, secure }) => {
    const views = createViews({ cache });
    app.decorate('views', views);
    app.decorateReply('page', function (this: FastifyReply, name: string, data: Record<string, unknown> = {}, status = 200) {
      return this.code(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(views.render(name, data));
    });
    await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure },
      getToken: (req) => (req.body as { _csrf?: string } | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined),
    });
    app.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const changes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
      if (!route.config?.page || !changes || !Array.isArray(route.config.access)) return;
      const existing = route.preValidation ? (Array.isArray(route.preValidation) ? route.preValidation : [route.preValidation]) : [];
      route.preValidation = [app.csrfProtection, ...existing];
    });
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      decorateReply: false,
      maxAge: cache ? '1d' : 0,
      index: false,
      list: false,
    });
    app.decorate('renderProblemPage', (problem: Problem, request, reply) => {
      if (problem.status === 401 && request.method === 'GET') {
        return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
      }
      return reply.page('error', { title: problem.title, problem }, problem.status);
    });
  },
  { name: 'pages', dependencies: ['errors', 'auth'] },
);
