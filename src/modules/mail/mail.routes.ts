import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { forbidden, invalid } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { campaignBodyParams, campaignParams } from '../campaigns/campaigns.schemas.js';
import { bounceResult, emailBody, emailResult, outboxList, outboxQuery, respondentParams, urgeResult, urgeStatus } from './mail.schemas.js';
import type { MailService } from './mail.service.js';

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const mailRoutes: RoutePlugin<{ mail: MailService; inboundMailToken: string | undefined }> = async (app, { mail, inboundMailToken }) => {
  const r = typed(app);
  const tags = ['mail'];
  app.addHook('onClose', () => mail.close());

  r.get('/api/v1/campaigns/:campaign/bodies/:body/urge', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Whether the body may urge (đôn đốc) now, and how many would be reminded', params: campaignBodyParams, response: { 200: urgeStatus } },
    handler: async (request) => mail.urgeStatus({ campaignId: request.params.campaign, bodyCode: request.scope.bodyCode! }),
  });

  r.post('/api/v1/campaigns/:campaign/bodies/:body/urge', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Remind everyone of the body who has not answered (once per 24 hours)', params: campaignBodyParams, response: { 200: urgeResult } },
    handler: async (request) => mail.urge({ campaignId: request.params.campaign, bodyCode: request.scope.bodyCode!, actor: principalOf(request).username }),
  });

  r.patch('/api/v1/campaigns/:campaign/bodies/:body/respondents/:id/email', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: 'Correct a respondent address: the old link stops working and a new invitation is queued', params: respondentParams, body: emailBody, response: { 200: emailResult } },
    handler: async (request) =>
      mail.fixAddress({ campaignId: request.params.campaign, bodyCode: request.scope.bodyCode!, respondentId: request.params.id, email: request.body.email, actor: principalOf(request).username }),
  });

  r.get('/api/v1/campaigns/:campaign/outbox', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Outgoing messages of a campaign with their state and last SMTP reply', params: campaignParams, querystring: outboxQuery, response: { 200: outboxList } },
    handler: async (request) => {
      const { campaign } = request.params;
      const [status, rows] = await Promise.all([mail.status({ campaignId: campaign }), mail.outbox({ campaignId: campaign, ...request.query })]);
      return { counts: status.counts, rows };
    },
  });

  r.post('/api/v1/campaigns/:campaign/outbox/retry-failed', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Queue again the messages that gave up after their last attempt', params: campaignParams, response: { 200: z.object({ requeued: z.number().int() }) } },
    handler: async (request) => mail.retryFailed({ campaignId: request.params.campaign, actor: principalOf(request).username }),
  });

  // A mail gateway posts delivery reports here with INBOUND_MAIL_TOKEN; an admin may too.
  await app.register(async (inbound) => {
    inbound.addContentTypeParser(['message/rfc822', 'message/delivery-report', 'text/plain', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    const authorise = async (request: FastifyRequest) => {
      const header = request.headers.authorization ?? '';
      if (inboundMailToken && header.startsWith('Bearer ') && sameSecret(header.slice(7), inboundMailToken)) return;
      const principal = await app.authenticate(request);
      if (principal.role !== 'admin') throw forbidden();
    };
    typed(inbound).post('/api/v1/bounces', {
      config: { access: 'public' },
      preHandler: authorise,
      schema: { tags, summary: 'Ingest a delivery status notification (RFC 3464) as message/rfc822; matched by Message-ID', response: { 200: bounceResult } },
      handler: async (request) => {
        const raw = request.body;
        if (!Buffer.isBuffer(raw) || raw.length === 0) throw invalid('Cần gửi nguyên văn thư báo lỗi (Content-Type: message/rfc822).');
        return mail.ingestBounce(raw);
      },
    });
  });
};
