// Shared typing for route modules: fastify with the zod type provider.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from './modules/accounts/accounts.service.js';
import { unauthorized } from './errors.js';

export type RoutePlugin<Options extends Record<string, unknown> = Record<never, never>> = FastifyPluginAsync<Options>;

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The logged-in caller of a guarded route. */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
