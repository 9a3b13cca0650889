// What people and schedules ask of the mail capability besides sending:
// reminder rounds, a body's urging (once per 24 h), bounce reports matched by
// Message-ID, and fixing a bounced address (a new link version; the old dies).
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { formatDeadline } from '../campaigns/deadlines.js';
import { normaliseEmail } from '../roster/contact.js';
import { readDsn } from './dsn.js';
import { newMessageId } from './invitations.service.js';
import { enqueueMessages } from './invitations.queries.js';
import { linkToken, tokenHash } from './links.js';
import * as q from './mail.queries.js';
import { canUrge, dueReminders, nextUrgeAt } from './reminders.js';

type Deps = { db: Db; config: Config; campaigns: CampaignsService; domain: string };
type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled';

export function createMailActions({ db, config, campaigns, domain }: Deps) {
  async function urgeStatus({ campaignId, bodyCode, now = new Date() }: { campaignId: string; bodyCode: string; now?: Date }) {
    const [info, campaign] = await Promise.all([q.bodyUrgeInfo(db, campaignId, bodyCode), campaigns.requireCampaign(campaignId)]);
    if (!info) throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
    const next = nextUrgeAt(info.lastUrgedAt);
    const closed = now.getTime() > campaign.responseDeadline.getTime();
    return {
      lastUrgedAt: info.lastUrgedAt,
      nextAllowedAt: next,
      canUrge: !closed && info.listState === 'submitted' && info.waiting > 0 && canUrge(now, info.lastUrgedAt),
      waiting: info.waiting,
      listSubmitted: info.listState === 'submitted',
      responseDeadlinePassed: closed,
    };
  }

  return {
    urgeStatus,

    /** Queues the campaign's scheduled reminder rounds that are due. */
    async remind({ campaignId, now = new Date() }: { campaignId?: string; now?: Date } = {}) {
      const ids = campaignId ? [campaignId] : await q.activeCampaignIds(db);
      const rounds: { campaignId: string; label: string; queued: number }[] = [];
      for (const id of ids) {
        const [campaign, cfg] = await Promise.all([campaigns.requireCampaign(id), campaigns.config(id)]);
        const due = dueReminders(now, campaign.responseDeadline, cfg.mail.reminderDaysBefore, await q.scheduleLabels(db, id));
        for (const round of due) {
          const queued = await db.transaction(async (tx) => {
            const runId = await q.claimRound(tx, id, round.label);
            if (!runId) return null;
            const n = round.send ? await q.queueReminders(tx, { campaignId: id, bodyCode: null, domain }) : 0;
            await q.setRoundCount(tx, runId, n);
            return n;
          });
          if (queued !== null) rounds.push({ campaignId: id, label: round.label, queued });
        }
      }
      return { rounds };
    },

    /** Đôn đốc: a reminder to the body's respondents who have not answered, once per 24 h. */
    async urge({ campaignId, bodyCode, actor, now = new Date() }: { campaignId: string; bodyCode: string; actor: string; now?: Date }) {
      const campaign = await campaigns.requireCampaign(campaignId);
      if (now.getTime() > campaign.responseDeadline.getTime()) {
        throw conflict('response_deadline_passed', `Đã hết hạn trả lời phiếu (${formatDeadline(campaign.responseDeadline)}) nên không đôn đốc nữa: phiếu gửi sau hạn không được nhận.`);
      }
      const queued = await db.transaction(async (tx) => {
        const body = await q.lockBodyForUrge(tx, campaignId, bodyCode);
        if (!body) throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
        if (body.listState !== 'submitted') throw conflict('list_not_submitted', 'Đơn vị chưa gửi danh sách nên chưa có ai để đôn đốc.');
        if (body.voidedAt) throw conflict('body_voided', 'Kết quả khảo sát của đơn vị đã bị hủy; không thể đôn đốc.');
        if (!canUrge(now, body.lastUrgedAt)) {
          throw new AppError('urge_too_soon', 429, `Mỗi đơn vị chỉ đôn đốc một lần trong 24 giờ. Lần tiếp theo có thể đôn đốc từ ${formatDeadline(nextUrgeAt(body.lastUrgedAt)!)}.`);
        }
        const n = await q.queueReminders(tx, { campaignId, bodyCode, domain });
        if (n === 0) throw conflict('nobody_to_urge', 'Không còn ai cần đôn đốc: mọi người đã trả lời hoặc chưa nhận được thư mời.');
        await q.markUrged(tx, campaignId, bodyCode, actor, n);
        await recordAudit(tx, { actor, action: 'mail.urge', campaignId, bodyCode, details: { queued: n } });
        return n;
      });
      return { queued, ...(await urgeStatus({ campaignId, bodyCode, now })) };
    },

    /** Reads a delivery status notification and marks the message it reports on. */
    async ingestBounce(raw: Buffer) {
      const { simpleParser } = await import('mailparser');
      const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
      const parts = parsed.attachments.map((a) => ({ contentType: a.contentType, content: a.content.toString('utf8') }));
      const reading = readDsn(parsed.messageId, parts, raw.toString('utf8'));
      if (reading.messageIds.length === 0) return { matched: 0, bounced: false, status: reading.status };
      if (!reading.permanent) return { matched: 0, bounced: false, status: reading.status };
      const hits = await q.markBounced(db, reading.messageIds, reading.reason ?? 'Thư bị trả lại');
      return { matched: hits.length, bounced: hits.length > 0, status: reading.status };
    },

    /** A corrected address: new link version (the old link stops working) and a new invitation. */
    async fixAddress({ campaignId, bodyCode, respondentId, email, actor }: { campaignId: string; bodyCode: string; respondentId: string; email: string; actor: string }) {
      const emailNorm = normaliseEmail(email);
      if (!emailNorm) throw invalid(`"${email.slice(0, 100)}" không phải là địa chỉ thư điện tử hợp lệ.`, [{ field: 'email', message: 'không hợp lệ' }]);
      return db.transaction(async (tx) => {
        const inv = await q.invitationOfRespondent(tx, campaignId, bodyCode, respondentId);
        if (!inv) throw notFound('Không tìm thấy người này trong danh sách đã gửi của đơn vị.');
        if (inv.status === 'completed') throw conflict('already_completed', 'Người này đã trả lời phiếu; không cần gửi lại thư mời.');
        if (inv.status === 'cancelled') throw conflict('invitation_cancelled', 'Người này không còn trong danh sách của đơn vị.');
        if (await q.addressTaken(tx, campaignId, bodyCode, emailNorm, inv.id)) throw conflict('email_taken', `Địa chỉ ${emailNorm} đã có trong danh sách của đơn vị.`);
        const version = inv.version + 1;
        await q.readdress(tx, { respondentId, invitationId: inv.id, email: email.trim(), emailNorm, version, tokenHash: tokenHash(linkToken(config.tokenSecret, inv.id, version)) });
        await enqueueMessages(tx, [{ campaignId, invitationId: inv.id, kind: 'invitation', messageId: newMessageId(domain) }]);
        await recordAudit(tx, { actor, action: 'mail.fix_address', campaignId, bodyCode, details: { respondentId, from: inv.emailNorm, to: emailNorm } });
        return { respondentId, email: emailNorm, queued: 1 };
      });
    },

    async status({ campaignId }: { campaignId: string }) {
      const rows = await q.outboxCounts(db, campaignId);
      return { campaignId, counts: rows };
    },

    async outbox(o: { campaignId: string; status?: OutboxStatus | undefined; limit: number; offset: number }) {
      return q.outboxRows(db, o);
    },

    async retryFailed({ campaignId, actor }: { campaignId: string; actor: string }) {
      const requeued = await q.requeueFailed(db, campaignId);
      await recordAudit(db, { actor, action: 'mail.retry_failed', campaignId, details: { requeued } });
      return { requeued };
    },
  };
}
