import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext } from '../../web/page-context.js';
import { campaignNewPages } from './campaign-new.pages.js';
import { campaignParams } from './campaigns.schemas.js';
import type { CampaignsService } from './campaigns.service.js';

export const campaignsPages: RoutePlugin<{ campaigns: CampaignsService }> = async (app, { campaigns }) => {
  await app.register(campaignNewPages, { campaigns });
  const r = typed(app);

  r.get('/', {
    config: { access: ['admin', 'body', 'scoring'], page: true },
    schema: { hide: true },
    handler: async (request, reply) =>
      reply.page('home', await pageContext(request, reply, { campaigns: await campaigns.list(principalOf(request).bodyCode) })),
  });

  r.get('/c/:campaign', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignParams },
    handler: async (request, reply) => {
      const { campaign } = request.params;
      const own = principalOf(request).bodyCode;
      return reply.redirect(own ? `/c/${campaign}/b/${own}` : `/c/${campaign}/national`, 303);
    },
  });
};
