// The mail capability: the outbox sender and its transport (real SMTP, or the
// loopback sink in development), scheduled reminders, a body's urging, bounce
// reports and address fixes. Routes, pages, jobs and the CLI call only this.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { formatDeadline } from '../campaigns/deadlines.js';
import { createMailActions } from './mail-actions.js';
import { compileMail, oneLine, personalise, type CompiledMail, type MailTemplateName, type Personal } from './mail-template.js';
import * as q from './mail.queries.js';
import { mailDomain } from './invitations.service.js';
import { linkToken, surveyUrl } from './links.js';
import type { ClaimedMessage } from './outbox.queries.js';
import { createSender, type MailLog, type OutgoingMail, type SendCounts } from './sender.js';
import { startMailSink, type MailSink } from './sink.js';

export type MailServiceDeps = { db: Db; config: Config; campaigns: CampaignsService; log?: MailLog; worker?: string };

type CampaignMail = { at: number; mails: Record<MailTemplateName, CompiledMail>; groups: Map<string, string> };
const CACHE_MS = 5 * 60 * 1000;

export class MailConfigError extends Error {}

function defaultLog(config: Config): MailLog {
  const write = (level: string) => (msg: string) => {
    if (config.env !== 'test') process.stderr.write(`${JSON.stringify({ level, time: Date.now(), msg })}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export function itContactText(b: { bodyName: string; itName: string | null; itTitle: string | null; itMobile: string | null }) {
  if (!b.itName) return `bộ phận công nghệ thông tin của ${b.bodyName}`;
  return [b.itName, b.itTitle, b.itMobile].filter(Boolean).join(', ');
}

export function createMailService({ db, config, campaigns, log = defaultLog(config), worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` }: MailServiceDeps) {
  const domain = mailDomain(config.mailFrom);
  let transport: Promise<Transporter<SMTPPool.SentMessageInfo>> | null = null;
  let sink: MailSink | null = null;
  const cache = new Map<string, Promise<CampaignMail>>();

  function openTransport(): Promise<Transporter<SMTPPool.SentMessageInfo>> {
    transport ??= (async () => {
      const pool = { pool: true as const, maxConnections: config.mailConcurrency, maxMessages: Infinity, maxRequeues: 0, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
      if (config.smtpUrl) return nodemailer.createTransport({ ...pool, url: config.smtpUrl });
      if (config.env === 'production') throw new MailConfigError('Chưa cấu hình SMTP_URL: không thể gửi thư khi NODE_ENV=production. Đặt SMTP_URL hoặc SENDER=off.');
      sink = await startMailSink(join(config.dataDir, 'mail'));
      log.info(`Chưa có SMTP_URL: thư được gửi tới máy chủ SMTP nội bộ ${sink.host}:${sink.port} và lưu thành tệp .eml trong ${sink.dir}`);
      return nodemailer.createTransport({ ...pool, host: sink.host, port: sink.port, secure: false, ignoreTLS: true });
    })();
    transport.catch(() => (transport = null));
    return transport;
  }

  function campaignMail(campaignId: string): Promise<CampaignMail> {
    const hit = cache.get(campaignId);
    if (hit) return hit;
    const loading = (async () => {
      const [campaign, cfg] = await Promise.all([campaigns.requireCampaign(campaignId), campaigns.config(campaignId)]);
      const text = { campaignName: campaign.name, deadline: formatDeadline(campaign.responseDeadline) };
      const [invitation, reminder] = await Promise.all([compileMail('invitation', text), compileMail('reminder', text)]);
      return { at: Date.now(), mails: { invitation, reminder }, groups: new Map(cfg.groups.map((g) => [g.code, g.name])) };
    })();
    cache.set(campaignId, loading);
    loading.then((c) => setTimeout(() => cache.get(campaignId) === loading && cache.delete(campaignId), CACHE_MS - (Date.now() - c.at)).unref(), () => cache.delete(campaignId));
    return loading;
  }

  function personal(m: Pick<ClaimedMessage, 'fullName' | 'bodyName' | 'groupCode' | 'invitationId' | 'version' | 'itName' | 'itTitle' | 'itMobile'>, groups: Map<string, string>): Personal {
    return {
      fullName: oneLine(m.fullName ?? ''),
      bodyName: m.bodyName,
      groupName: groups.get(m.groupCode) ?? m.groupCode,
      link: surveyUrl(config.publicBaseUrl, linkToken(config.tokenSecret, m.invitationId, m.version)),
      itContact: itContactText(m),
    };
  }

  async function compose(m: ClaimedMessage): Promise<OutgoingMail | null> {
    if (m.invitationStatus !== 'active' || m.fullName === null) return null;
    if (m.kind === 'reminder' && m.mailStatus === 'bounced') return null;
    const c = await campaignMail(m.campaignId);
    const values = personal(m, c.groups);
    const p = personalise(c.mails[m.kind], values);
    return { from: config.mailFrom, to: { name: values.fullName, address: m.email }, subject: p.subject, html: p.html, text: p.text, messageId: m.messageId };
  }

  const sender = createSender({
    db,
    worker,
    transport: openTransport,
    compose,
    ratePerSecond: config.mailRate,
    concurrency: config.mailConcurrency,
    leaseSeconds: config.mailLeaseSeconds,
    retrySeconds: config.mailRetrySeconds,
    maxAttempts: config.mailMaxAttempts,
    log,
  });

  /** Sends until nothing is due (or, with `untilIdle`, until nothing is queued at all). */
  async function dispatch(o: { campaignId?: string; untilIdle?: boolean; signal?: AbortSignal; onBatch?: (c: SendCounts) => void } = {}) {
    const total = { claimed: 0, sent: 0, retried: 0, bounced: 0, failed: 0, cancelled: 0 };
    for (;;) {
      if (o.signal?.aborted) break;
      const c = await sender.sendPending({ campaignId: o.campaignId, signal: o.signal });
      o.onBatch?.(c);
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
      if (c.claimed > 0 && !c.paused) continue;
      if (!o.untilIdle || (await q.pendingCount(db, o.campaignId)) === 0) break;
      await new Promise((r) => setTimeout(r, c.paused ? 1000 : 200));
    }
    return total;
  }

  const actions = createMailActions({ db, config, campaigns, domain });

  return {
    worker,
    sendPending: (o: { limit?: number; campaignId?: string; signal?: AbortSignal } = {}) => sender.sendPending(o),
    dispatch,
    /** Fails fast when mail cannot be sent at all (production without SMTP_URL). */
    checkTransport: () => openTransport().then(() => undefined),
    ...actions,

    async preview(o: { campaignId: string; template: MailTemplateName; bodyCode?: string }) {
      const c = await campaignMail(o.campaignId);
      const cfg = await campaigns.config(o.campaignId);
      const body = await campaigns.getBody(o.campaignId, o.bodyCode ?? cfg.bodies[0]!.code);
      const group = cfg.groups[0]!;
      const values = personal(
        { fullName: 'Nguyễn Văn An', bodyName: body.name, groupCode: group.code, invitationId: '00000000-0000-0000-0000-000000000000', version: 1, itName: body.itContact.name, itTitle: body.itContact.title, itMobile: body.itContact.mobile },
        c.groups,
      );
      return personalise(c.mails[o.template], values);
    },

    async close() {
      const t = transport;
      transport = null;
      if (t) await t.then((x) => x.close(), () => {});
      if (sink) await sink.close();
      sink = null;
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
