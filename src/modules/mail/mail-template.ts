// Mail bodies are compiled from MJML once per template and campaign, with
// {{placeholders}} left in place, and then filled per recipient by joining
// pre-split parts: MJML costs milliseconds a render, filling microseconds.
// Every value is HTML-escaped on the way in; nothing from a person is trusted.
import { readFile } from 'node:fs/promises';
import { packagePath } from '../../package-path.js';
import { renderMjml } from './mjml-render.js';

export const mailTemplateNames = ['invitation', 'reminder'] as const;
export type MailTemplateName = (typeof mailTemplateNames)[number];

/** What differs between the recipients of one campaign. */
export type Personal = { fullName: string; bodyName: string; groupName: string; link: string; itContact: string };
/** What is the same for everyone in a campaign. */
export type CampaignText = { campaignName: string; deadline: string };

export type Compiled = { parts: string[]; keys: (keyof Personal)[] };
export type CompiledMail = { subject: Compiled; html: Compiled; text: Compiled };

const mailDir = packagePath('templates/mail');
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** Header and plain-text values: one line, so a name can never start a header of its own. */
export const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029\0]+/g, ' ').trim();

/** Splits a text on its placeholders, replacing the campaign-wide ones now. */
export function split(source: string, constants: Record<string, string>): Compiled {
  const parts: string[] = [];
  const keys: (keyof Personal)[] = [];
  let last = 0;
  let pending = '';
  for (const m of source.matchAll(PLACEHOLDER)) {
    const key = m[1]!;
    pending += source.slice(last, m.index);
    last = m.index! + m[0].length;
    if (key in constants) {
      pending += constants[key];
      continue;
    }
    parts.push(pending);
    keys.push(key as keyof Personal);
    pending = '';
  }
  parts.push(pending + source.slice(last));
  return { parts, keys };
}

export function fill(c: Compiled, values: Personal, escape: (s: string) => string): string {
  let out = c.parts[0]!;
  for (let i = 0; i < c.keys.length; i++) out += escape(values[c.keys[i]!]) + c.parts[i + 1]!;
  return out;
}

export function personalise(mail: CompiledMail, values: Personal) {
  return { subject: oneLine(fill(mail.subject, values, oneLine)), html: fill(mail.html, values, escapeHtml), text: fill(mail.text, values, oneLine) };
}

const subjects: Record<MailTemplateName, string> = {
  invitation: 'Mời trả lời phiếu khảo sát {{campaignName}}',
  reminder: 'Nhắc trả lời phiếu khảo sát {{campaignName}} (hạn {{deadline}})',
};

const texts: Record<MailTemplateName, string> = {
  invitation: `Kính gửi Ông/Bà {{fullName}},

{{bodyName}} trân trọng mời Ông/Bà tham gia trả lời phiếu khảo sát xã hội học phục vụ xác định Chỉ số cải cách hành chính ({{campaignName}}), với tư cách {{groupName}}.

Mở phiếu tại đường liên kết dành riêng cho Ông/Bà (không chuyển cho người khác):
{{link}}

Thời hạn trả lời phiếu: {{deadline}}. Ông/Bà có thể mở phiếu nhiều lần; phiếu chỉ được ghi nhận khi bấm "Gửi phiếu".

Hỗ trợ kỹ thuật: {{itContact}}
`,
  reminder: `Kính gửi Ông/Bà {{fullName}},

Nhắc lại: Ông/Bà chưa gửi phiếu khảo sát {{campaignName}} do {{bodyName}} mời với tư cách {{groupName}}. Kính mong Ông/Bà dành ít phút trả lời trước {{deadline}}.

Đường liên kết dành riêng cho Ông/Bà:
{{link}}

Hỗ trợ kỹ thuật: {{itContact}}
`,
};

/**
 * The HTML of the last sources rendered: a campaign's mail is compiled again when
 * the service's cache of it expires, and an unchanged source should not start
 * MJML's worker again. A few KB a source.
 */
const renderedHtml = new Map<string, Promise<string>>();
const RENDERED_KEPT = 32;

function rendered(source: string): Promise<string> {
  const hit = renderedHtml.get(source);
  if (hit) {
    renderedHtml.delete(source);
    renderedHtml.set(source, hit);
    return hit;
  }
  const html = renderMjml(source, { validationLevel: 'strict', keepComments: false, minify: true, minifyOptions: { minifyCss: false } });
  renderedHtml.set(source, html);
  html.catch(() => renderedHtml.get(source) === html && renderedHtml.delete(source));
  if (renderedHtml.size > RENDERED_KEPT) renderedHtml.delete(renderedHtml.keys().next().value!);
  return html;
}

/** Compiles one template for one campaign: the only place MJML is asked for. */
export async function compileMail(name: MailTemplateName, campaign: CampaignText): Promise<CompiledMail> {
  const source = await readFile(`${mailDir}/${name}.mjml`, 'utf8');
  const htmlConstants = { campaignName: escapeHtml(campaign.campaignName), deadline: escapeHtml(campaign.deadline) };
  const withConstants = split(source, htmlConstants);
  // Personal placeholders survive MJML untouched; only the constants are baked in.
  const mjmlSource = withConstants.parts.reduce((acc, part, i) => acc + part + (i < withConstants.keys.length ? `{{${withConstants.keys[i]}}}` : ''), '');
  // In a worker of its own: MJML takes seconds to import and tens of MB to keep.
  const html = await rendered(mjmlSource);
  const lineConstants = { campaignName: oneLine(campaign.campaignName), deadline: oneLine(campaign.deadline) };
  return { subject: split(subjects[name], lineConstants), html: split(html, {}), text: split(texts[name], lineConstants) };
}
