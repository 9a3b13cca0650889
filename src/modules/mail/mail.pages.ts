// The body page's mail actions: urging (đôn đốc) those who have not answered,
// and fixing a bounced address. The page itself belongs to progress; this adds
// a section to it and the two form posts, which end on the page again.
import { z } from 'zod';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import type { Views } from '../../web/views.js';
import { formatDeadline } from '../campaigns/deadlines.js';
import { formatters } from '../../web/format.js';
import { campaignBodyParams } from '../campaigns/campaigns.schemas.js';
import type { BodyPageSection } from '../progress/progress.pages.js';
import { respondentParams } from './mail.schemas.js';
import type { MailService } from './mail.service.js';

export function mailBodySection(mail: MailService, views: Views): BodyPageSection {
  return async ({ campaignId, bodyCode, csrfToken }) => {
    const status = await mail.urgeStatus({ campaignId, bodyCode });
    // The message as a respondent receives it, shown before anything is sent.
    const preview = status.canUrge ? await mail.preview({ campaignId, template: 'reminder', bodyCode }) : null;
    const html = views.render('mail-urge', {
      action: `/c/${campaignId}/b/${bodyCode}/urge`,
      csrfToken,
      status,
      preview,
      n: formatters.n,
      lastUrged: status.lastUrgedAt ? formatDeadline(status.lastUrgedAt) : null,
      nextAllowed: status.nextAllowedAt ? formatDeadline(status.nextAllowedAt) : null,
    });
    return { actionsHtml: html };
  };
}

export const mailPages: RoutePlugin<{ mail: MailService }> = async (app, { mail }) => {
  const r = typed(app);
  const back = (p: { campaign: string; body: string }, done: string) => `/c/${p.campaign}/b/${p.body}?done=${done}`;

  r.post('/c/:campaign/b/:body/urge', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, body: z.object({ _csrf: z.string().optional() }) },
    handler: async (request, reply) => {
      await mail.urge({ campaignId: request.params.campaign, bodyCode: request.scope.bodyCode!, actor: principalOf(request).username });
      return reply.redirect(back(request.params, 'urge'), 303);
    },
  });

  r.post('/c/:campaign/b/:body/respondents/:id/email', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: respondentParams, body: z.object({ _csrf: z.string().optional(), email: z.string().max(254).default('') }) },
    handler: async (request, reply) => {
      const { campaign, id } = request.params;
      await mail.fixAddress({ campaignId: campaign, bodyCode: request.scope.bodyCode!, respondentId: id, email: request.body.email, actor: principalOf(request).username });
      return reply.redirect(back(request.params, 'email'), 303);
    },
  });
};
