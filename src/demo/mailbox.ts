// What the demo's respondents and their mail servers see: the invitations the
// loopback SMTP sink kept as .eml files, each read for its recipient, its
// Message-ID and its survey link; and, for a mailbox that does not exist, the
// delivery status notification (RFC 3464) a real server would send back.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export type CapturedMail = { file: string; to: string; messageId: string; link: string | null };

const LINK = /https?:\/\/[^\s"'<>]+\/s\/[A-Za-z0-9_-]{43}/;

export async function readMailbox(dir: string): Promise<CapturedMail[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  const mails: CapturedMail[] = [];
  for (const file of files) {
    const parsed = await simpleParser(await readFile(join(dir, file)));
    const to = Array.isArray(parsed.to) ? parsed.to[0]?.value[0]?.address : parsed.to?.value[0]?.address;
    const text = `${parsed.text ?? ''}\n${typeof parsed.html === 'string' ? parsed.html : ''}`;
    mails.push({ file, to: (to ?? '').toLowerCase(), messageId: parsed.messageId ?? '', link: text.match(LINK)?.[0] ?? null });
  }
  return mails;
}

/** A bounce report for `mail`, as the recipient's mail server would write it. */
export function deliveryFailure(mail: Pick<CapturedMail, 'to' | 'messageId'>, reportingHost: string): Buffer {
  const boundary = `dsn-${Math.random().toString(36).slice(2)}`;
  const domain = mail.to.slice(mail.to.indexOf('@') + 1);
  const lines = [
    `From: Mail Delivery System <MAILER-DAEMON@${domain}>`,
    `To: <khaosat-cchc@${reportingHost}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${boundary}@${domain}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Your message to <${mail.to}> could not be delivered: the mailbox does not exist.`,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; mx.${domain}`,
    '',
    `Final-Recipient: rfc822; ${mail.to}`,
    `Original-Recipient: rfc822; ${mail.to}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 <${mail.to}>: Recipient address rejected: User unknown`,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${mail.messageId}`,
    `To: <${mail.to}>`,
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
