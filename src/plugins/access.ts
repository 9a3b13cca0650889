// Every route states who may call it; a route that does not is refused at
// start-up, so none can be added unguarded. One guard then decides tenancy for
// all of them: a body officer reaches only campaigns that include their body,
// and only their own body; anything else answers 404 as if it did not exist.
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { Principal, Role } from '../modules/accounts/accounts.service.js';
import { campaignHasBody, campaignExists } from '../modules/campaigns/campaigns.queries.js';

/** `public`: no login; `respondent`: a survey link token; otherwise the roles allowed. */
export type Access = 'public' | 'respondent' | readonly Role[];

/** The campaign and body a request is confined to; `bodyCode` is forced for officers. */
export type Scope = { campaignId: string | null; bodyCode: string | null };

export type RouteEntry = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route renders HTML; errors become pages, not problem+json. */
    page?: boolean;
    /** Reachable by an administrator who has yet to set up the second factor. */
    enrolment?: boolean;
  }
  interface FastifyRequest {
    scope: Scope;
  }
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

export const ENROLMENT_PAGE = '/account/security';

/** Routes other plugins register: the API browser and static assets, both public. */
const EXEMPT = [/^\/docs(\/|$)/, /^\/assets\//];

export const accessPlugin = fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorate('routeCatalog', [] as RouteEntry[]);
    app.decorateRequest('scope', null as unknown as Scope);

    const guard = async (request: FastifyRequest, reply: FastifyReply) => {
      const { access: declared, page, enrolment } = request.routeOptions.config;
      const access = declared!;
      const params = (request.params ?? {}) as { campaign?: string; body?: string };
      if (access === 'public' || access === 'respondent') {
        request.scope = { campaignId: null, bodyCode: null };
        return;
      }
      const principal = await app.authenticate(request);
      if (principal.mustEnrol && !enrolment) {
        if (page && request.method === 'GET') return reply.redirect(ENROLMENT_PAGE, 303);
        throw new AppError('second_factor_setup_required', 403, `Tài khoản quản trị phải bật xác thực hai lớp trước khi làm việc khác: mở trang ${ENROLMENT_PAGE}.`);
      }
      if (!access.includes(principal.role)) throw forbidden();
      request.scope = await scopeFor(db, principal, params);
    };

    app.addHook('onRoute', (route: RouteOptions) => {
      if (EXEMPT.some((re) => re.test(route.url))) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) app.routeCatalog.push({ method, url: route.url, access });
      const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
      route.onRequest = [guard, ...existing];
    });
  },
  { name: 'access', dependencies: ['auth'] },
);

export async function scopeFor(db: Db, principal: Principal, params: { campaign?: string; body?: string }): Promise<Scope> {
  const own = principal.role === 'body' ? principal.bodyCode : null;
  if (params.body !== undefined && own !== null && params.body !== own) throw notFound('Không tìm thấy đơn vị.');
  if (params.campaign !== undefined) {
    const visible = own ? await campaignHasBody(db, params.campaign, own) : await campaignExists(db, params.campaign);
    if (!visible) throw notFound('Không tìm thấy đợt khảo sát.');
    if (params.body !== undefined && own === null && !(await campaignHasBody(db, params.campaign, params.body))) {
      throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
    }
  }
  return { campaignId: params.campaign ?? null, bodyCode: own ?? params.body ?? null };
}
