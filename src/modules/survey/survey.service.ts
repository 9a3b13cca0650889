// The respondent's side of a campaign, reached only through a link token:
// open the form, save partial answers, submit once, report a problem. Answers
// are checked against the form in pure code; every state change is one guarded
// SQL statement, so the database, not this code, keeps one response per link.
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { createGroupWrite } from '../../db/group-write.js';
import { formForGroup, type CampaignConfig } from '../campaigns/campaign-config.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { formatDeadline, timeLeft } from '../campaigns/deadlines.js';
import { TOKEN_PATTERN, tokenHash } from '../mail/links.js';
import { createBadTokenLimiter } from './bad-tokens.js';
import {
  cleanDraft,
  countAnswers,
  missingAnswers,
  questionCount,
  ratedUnits,
  readAnswers,
  sectionProgress,
  type AnswerIssue,
  type Answers,
  type Questionnaire,
} from './questionnaire.js';
import { createHash, randomUUID } from 'node:crypto';
import { createBallotSealer, type Ballot } from './ballot.js';
import { createFormStamp } from './form-stamp.js';
import { createSignalHasher } from './signals.js';
import * as q from './survey.queries.js';

export type Client = { ip: string; userAgent: string | undefined; /** The browser's own device cookie, if it sent one. */ device?: string | undefined };

/** What a submission carries beside the answers. */
export type SubmitMeta = {
  jsEnabled: boolean;
  /** Active seconds since the page last reported them; null without JavaScript. */
  activeSeconds: number | null;
  /** The form's idempotency key. */
  key?: string | undefined;
  /** The page's stamp and the context it was posted with (form-stamp.ts). */
  stamp?: string | undefined;
  context?: Partial<FormContext> | undefined;
  /** Active seconds since the page was loaded; null without JavaScript. */
  spent?: number | null | undefined;
};
export type ReportKind = 'link_used_by_other' | 'pressured' | 'other';

/** Where a link stands, before anything is shown. */
export type LinkState = 'invalid' | 'rate_limited' | 'answered' | 'closed' | 'open';

/** What the form page states it was built for; a submission carrying it is checked against the invitation in SQL. */
export type FormContext = { campaign: string; body: string; group: string };

export type FormView = {
  context: FormContext;
  campaignName: string;
  bodyName: string;
  groupName: string;
  deadline: string;
  timeLeft: string;
  questionnaire: Questionnaire;
  answers: Answers;
  issues: Record<string, string>;
  issueList: (AnswerIssue & { label: string })[];
  sections: ReturnType<typeof sectionProgress>;
  /** ' checked' when the answers hold this option for this unit and question. */
  checked(unit: string, question: string, option: string): string;
  answered: number;
  total: number;
  reported: boolean;
  /** A fresh idempotency key for this rendering of the form. */
  submissionKey: string;
  /** Proof that this page was served for this link, with the active seconds recorded so far (form-stamp.ts). */
  stamp: string;
};

export type SurveyService = ReturnType<typeof createSurveyService>;

const BAD_TOKEN_WINDOW_MS = 15 * 60_000;

export function createSurveyService({ db, campaigns, config }: { db: Db; campaigns: CampaignsService; config: Pick<Config, 'tokenSecret' | 'surveyBadTokenLimit'> }) {
  const hasher = createSignalHasher(config.tokenSecret);
  const sealer = createBallotSealer(config.tokenSecret);
  const stamps = createFormStamp(config.tokenSecret);
  const receiptOf = (key: string | undefined) => (key ? createHash('sha256').update(`survey-receipt\0${key}`).digest() : null);
  // Openings, and submissions, that arrive while one statement of theirs runs go together in the next.
  const recordOpening = createGroupWrite<q.Opening>((openings) => q.recordOpenings(db, openings));
  const submitBallot = createGroupWrite<q.Submission, boolean>((submissions) => q.submitBallots(db, submissions), { maxItems: 200 });
  const limiter = createBadTokenLimiter({ db, secret: config.tokenSecret, limit: config.surveyBadTokenLimit, windowMs: BAD_TOKEN_WINDOW_MS });

  /** Looks a token up. Every token, well-formed or not, costs one hash and one indexed lookup, so timing tells nothing. */
  async function resolve(token: string, client: Client) {
    const hash = tokenHash(token);
    const row = await q.findInvitation(db, hash);
    if (!row || !TOKEN_PATTERN.test(token)) {
      if (await limiter.miss(client.ip, hash)) return { state: 'rate_limited' as const };
      return { state: 'invalid' as const };
    }
    if (row.status === 'cancelled') return { state: 'invalid' as const };
    if (row.status === 'completed') return { state: 'answered' as const, row, hash };
    if (row.closed) return { state: 'closed' as const, row, hash };
    return { state: 'open' as const, row, hash };
  }

  async function questionnaireFor(row: q.InvitationRow): Promise<{ config: CampaignConfig; body: { code: string; name: string }; questionnaire: Questionnaire }> {
    const campaignConfig = await campaigns.config(row.campaignId);
    const form = formForGroup(campaignConfig, row.groupCode);
    if (!form) throw new Error(`No form for group ${row.groupCode} in campaign ${row.campaignId}`);
    const body = { code: row.bodyCode, name: campaignConfig.bodies.find((b) => b.code === row.bodyCode)?.name ?? row.bodyCode };
    return { config: campaignConfig, body, questionnaire: { form, units: ratedUnits(campaignConfig, form, body) } };
  }

  async function view(row: q.InvitationRow, hash: Buffer, answers: Answers | null, issues: AnswerIssue[] = [], activeSeconds = row.activeSeconds): Promise<FormView> {
    const { config: c, body, questionnaire } = await questionnaireFor(row);
    const context = { campaign: row.campaignId, body: row.bodyCode, group: row.groupCode };
    const kept = answers ?? cleanDraft(questionnaire, row.draft);
    const labels = issues.length ? questionLabels(questionnaire) : new Map<string, string>();
    return {
      context,
      campaignName: c.name,
      bodyName: body.name,
      groupName: c.groups.find((g) => g.code === row.groupCode)?.name ?? row.groupCode,
      deadline: formatDeadline(row.responseDeadline),
      timeLeft: timeLeft(new Date(), row.responseDeadline),
      questionnaire,
      answers: kept,
      issues: Object.fromEntries(issues.map((i) => [`${i.unit}:${i.question}`, i.message])),
      issueList: issues.map((i) => ({ ...i, label: labels.get(`${i.unit}:${i.question}`) ?? i.question })),
      sections: sectionProgress(questionnaire, kept),
      checked: (unit, question, option) => (kept[unit]?.[question] === option ? ' checked' : ''),
      answered: countAnswers(kept),
      total: questionCount(questionnaire),
      reported: row.reported,
      // randomUUID draws from a pool of random bytes filled in bulk: no call into the system per page.
      submissionKey: randomUUID(),
      stamp: stamps.issue(hash, context, activeSeconds),
    };
  }

  /**
   * A complete submission from a stamped page, stored in one statement with no
   * lookup before it: the stamp names the form, so the answers are checked
   * first and the statement stores them only if the link is that form's and
   * still open. Anything else (no valid stamp, answers to correct, nothing
   * stored) returns null and takes the path that looks the link up.
   */
  async function submitStamped(token: string, client: Client, fields: Record<string, unknown>, meta: SubmitMeta, receipt: Buffer | null): Promise<'submitted' | null> {
    const { campaign, body, group } = meta.context ?? {};
    if (!campaign || !body || !group || !meta.stamp || !TOKEN_PATTERN.test(token)) return null;
    const context = { campaign, body, group };
    const hash = tokenHash(token);
    const stamp = stamps.check(hash, context, meta.stamp);
    if (!stamp) return null;
    const campaignConfig = await campaigns.config(campaign).catch(() => null);
    const form = campaignConfig && formForGroup(campaignConfig, group);
    if (!campaignConfig || !form) return null;
    const questionnaire = { form, units: ratedUnits(campaignConfig, form, { code: body, name: '' }) };
    const { answers, issues } = readAnswers(questionnaire, fields);
    if (issues.length || missingAnswers(questionnaire, answers).length) return null;
    const ballot: Ballot = {
      linkHash: hash.toString('hex'),
      formCode: form.code,
      answers,
      secondsSpent: meta.activeSeconds === null ? null : stamp.seconds + (meta.spent ?? meta.activeSeconds),
      ...hasher.forResponse(campaign, client.ip, client.userAgent, client.device),
      jsEnabled: meta.jsEnabled,
      formLoaded: true,
    };
    return (await submitBallot({ tokenHash: hash, sealed: sealer.seal(ballot), receipt, context })) ? 'submitted' : null;
  }

  /** Why a guarded write found nothing to change: the link's state now. */
  async function settled(token: string, client: Client): Promise<Exclude<LinkState, 'open'>> {
    const { state } = await resolve(token, client);
    return state === 'open' ? 'answered' : state;
  }

  return {
    /** GET: the form with any saved answers; records the opening and the device. */
    async open(token: string, client: Client) {
      const found = await resolve(token, client);
      if (found.state !== 'open') return { state: found.state };
      const { row } = found;
      // The device that last opened the link reopening it changes nothing: no write.
      const device = hasher.deviceKey(found.hash, client.ip, client.userAgent);
      if (!row.opened || !row.lastDevice?.equals(device)) await recordOpening({ invitationId: row.id, deviceKey: device });
      return { state: 'open' as const, view: await view(row, found.hash, null) };
    },

    /** The state of a link without recording anything (the report page, tests). */
    async peek(token: string, client: Client) {
      const found = await resolve(token, client);
      return { state: found.state, reported: found.state === 'invalid' || found.state === 'rate_limited' ? false : found.row.reported };
    },

    /** Keeps the valid answers given so far and the active seconds reported; wrong options are reported, nothing is lost. */
    async save(token: string, client: Client, fields: Record<string, unknown>, activeSeconds: number | null = null) {
      const found = await resolve(token, client);
      if (found.state !== 'open') return { state: found.state };
      const { questionnaire } = await questionnaireFor(found.row);
      const { answers, issues } = readAnswers(questionnaire, fields);
      if (!(await q.saveDraft(db, found.row.id, answers, activeSeconds ?? 0))) return { state: await settled(token, client) };
      return { state: 'saved' as const, issues: issues.length, view: await view(found.row, found.hash, answers, issues, found.row.activeSeconds + (activeSeconds ?? 0)) };
    },

    /**
     * Submits once: with every required answer, the sealed ballot goes into the
     * box in one statement; otherwise the answers are saved and the missing ones
     * listed. A retry carrying the key of a stored submission gets its thank-you.
     */
    async submit(token: string, client: Client, fields: Record<string, unknown>, meta: SubmitMeta) {
      const receipt = receiptOf(meta.key);
      if ((await submitStamped(token, client, fields, meta, receipt)) === 'submitted') return { state: 'submitted' as const };
      const found = await resolve(token, client);
      if (found.state === 'answered' && receipt && (await q.hasReceipt(db, found.row.id, receipt))) return { state: 'submitted' as const };
      if (found.state !== 'open') return { state: found.state };
      const { row } = found;
      const { questionnaire } = await questionnaireFor(row);
      const { answers, issues } = readAnswers(questionnaire, fields);
      const problems = [...issues, ...missingAnswers(questionnaire, answers).filter((m) => !issues.some((i) => i.unit === m.unit && i.question === m.question))];
      if (problems.length) {
        if (!(await q.saveDraft(db, row.id, answers, meta.activeSeconds ?? 0))) return { state: await settled(token, client) };
        return { state: 'incomplete' as const, view: await view(row, found.hash, answers, sortIssues(questionnaire, problems), row.activeSeconds + (meta.activeSeconds ?? 0)) };
      }
      const ballot: Ballot = {
        linkHash: found.hash.toString('hex'),
        formCode: questionnaire.form.code,
        answers,
        secondsSpent: meta.activeSeconds === null ? null : row.activeSeconds + meta.activeSeconds,
        ...hasher.forResponse(row.campaignId, client.ip, client.userAgent, client.device),
        jsEnabled: meta.jsEnabled,
        formLoaded: row.opened,
      };
      if (await submitBallot({ tokenHash: found.hash, sealed: sealer.seal(ballot), receipt })) return { state: 'submitted' as const };
      // Nothing stored: another submission won (perhaps this one's first try), the deadline passed or the link was withdrawn.
      const state = await settled(token, client);
      if (state === 'answered' && receipt && (await q.hasReceipt(db, row.id, receipt))) return { state: 'submitted' as const };
      return { state };
    },

    /** "Báo cáo bất thường": accepted once per link, open or answered, before or after the deadline. */
    async report(token: string, client: Client, input: { kind: ReportKind; message?: string | undefined }) {
      const found = await resolve(token, client);
      if (found.state === 'invalid' || found.state === 'rate_limited') return { state: found.state };
      const message = input.message?.trim().slice(0, 2000) || null;
      const stored = await q.insertReport(db, found.row.id, input.kind, message);
      return { state: stored ? ('reported' as const) : ('already_reported' as const) };
    },
  };
}

function questionLabels(q: Questionnaire) {
  const labels = new Map<string, string>();
  let n = 0;
  for (const section of q.form.sections) {
    for (const question of section.questions) {
      n += 1;
      for (const unit of q.units) labels.set(`${unit.code}:${question.id}`, q.units.length > 1 ? `Câu ${n} (${unit.name})` : `Câu ${n}`);
    }
  }
  return labels;
}

function sortIssues(q: Questionnaire, issues: AnswerIssue[]): AnswerIssue[] {
  const order = new Map<string, number>();
  let i = 0;
  for (const section of q.form.sections) for (const question of section.questions) for (const unit of q.units) order.set(`${unit.code}:${question.id}`, i++);
  return [...issues].sort((a, b) => (order.get(`${a.unit}:${a.question}`) ?? 0) - (order.get(`${b.unit}:${b.question}`) ?? 0));
}
