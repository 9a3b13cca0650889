// Orchestrates a body's respondent list: import (parse, check, dedupe, store in
// one transaction), review and edits, submission (which issues invitations in
// the same transaction) and MOHA's reopening. Every change is audited.
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { issueInvitations, mailDomain } from '../mail/invitations.service.js';
import { dedupe, type DedupeEntry } from './dedupe.js';
import { ListHasErrors, openListReader, tooComplex } from './parse-thread.js';
import { buildReview, respondentView } from './review.js';
import { rosterCsv, templateCsv } from './roster.csv.js';
import * as q from './roster.queries.js';
import { importReport, type ImportReport } from './report.js';
import { checkPerson, groupChoices, groupResolver, type Candidate, type PersonInput } from './rows.js';
import { templateXlsx } from './template.js';
import { showable } from './text.js';

/** Longest any statement of an import, or a pause between two, may hold its connection. */
const IMPORT_TIMEOUT_SECONDS = 60;

export type ImportInput = { campaignId: string; bodyCode: string; group?: string | undefined; bytes: Buffer; dryRun: boolean; actor: string; fileName?: string | undefined; sheet?: string | undefined; onProgress?: ((p: ImportProgress) => void) | undefined };
/** `stored` comes while the file is still read (rows stored so far), `checked` once it is all read. */
export type ImportProgress = { stage: 'checked'; rows: number } | { stage: 'stored'; done: number };
type Scope = { campaignId: string; bodyCode: string };

type Chunk = { bytes: Uint8Array; rows: number };

/** Passes COPY chunks on (`first`, already taken, then the rest), telling how many rows have gone so far. */
async function* counted(first: IteratorResult<Chunk>, rest: AsyncIterator<Chunk>, onProgress: ImportInput['onProgress']) {
  let done = 0;
  for (let next = first; !next.done; next = await rest.next()) {
    yield next.value.bytes;
    done += next.value.rows;
    onProgress?.({ stage: 'stored', done });
  }
}

export function createRosterService({ db, campaigns, config }: { db: Db; campaigns: CampaignsService; config: Pick<Config, 'roster' | 'tokenSecret' | 'mailFrom'> }) {
  async function rules(campaignId: string, defaultGroup?: string) {
    const c = await campaigns.config(campaignId);
    const groups = [...c.groups].sort((a, b) => a.priority - b.priority);
    return {
      groups,
      priorities: new Map(groups.map((g) => [g.code, g.priority])),
      officialDomains: c.mail.officialDomains,
      maxFieldLength: config.roster.maxFieldLength,
      defaultGroup,
    };
  }

  /** Locks the body's list for this transaction and refuses changes it no longer allows. */
  async function lockEditable(tx: Db, s: Scope, what: string) {
    const lock = await q.lockBody(tx, s.campaignId, s.bodyCode);
    if (!lock) throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
    if (lock.listState === 'submitted') {
      throw conflict('list_submitted', `Danh sách đã được gửi nên không thể ${what}. Nếu cần sửa, hãy đề nghị Bộ Nội vụ mở lại danh sách.`);
    }
    if (!lock.open) throw conflict('list_deadline_passed', `Đã quá hạn gửi danh sách nên không thể ${what}. Hãy đề nghị Bộ Nội vụ gia hạn cho đơn vị.`);
    return lock;
  }

  /**
   * Dedupes the body's whole list with `fresh` entries added, inserts them
   * (kept entries first, so merges point at stored rows) and repoints existing
   * entries whose kept entry changed.
   */
  async function settle(tx: Db, s: Scope, priorities: ReadonlyMap<string, number>, fresh: (Candidate & { id: string })[], importId: string | null, write: boolean) {
    const existing = await q.bodyEntries(tx, s.campaignId, s.bodyCode);
    const result = dedupe(existing.length ? [...existing, ...fresh] : fresh, priorities);
    const mergeOf = new Map(result.merges.map((m) => [m.droppedId, m]));
    if (write) {
      // Kept entries first, so that merged ones point at stored rows.
      const ordered = [...fresh.filter((c) => !mergeOf.has(c.id)), ...fresh.filter((c) => mergeOf.has(c.id))];
      await q.insertRespondents(tx, s.campaignId, s.bodyCode, importId, ordered, (id) => mergeOf.get(id));
      const changes = existing.flatMap((e) => {
        const m = mergeOf.get(e.id);
        const to = m?.keptId ?? null;
        const reason = m?.reason ?? null;
        return to === e.mergedInto && reason === e.mergeReason ? [] : [{ id: e.id, merged_into: to, merge_reason: reason }];
      });
      await q.setMerges(tx, changes);
    }
    return { result, existing };
  }

  async function importCsv(input: ImportInput): Promise<ImportReport> {
    const s = { campaignId: input.campaignId, bodyCode: input.bodyCode };
    await campaigns.requireCampaign(s.campaignId);
    await campaigns.requireBody(s.campaignId, s.bodyCode);
    if (input.bytes.length > config.roster.maxUploadBytes) {
      throw new AppError('file_too_large', 413, `Tệp lớn ${(input.bytes.length / 1048576).toFixed(1)} MB, vượt giới hạn ${(config.roster.maxUploadBytes / 1048576).toFixed(0)} MB. Hãy chia danh sách thành nhiều tệp theo nhóm.`);
    }
    const r = await rules(s.campaignId);
    const group = input.group ? groupResolver(r.groups)(input.group) : undefined;
    if (input.group && !group) throw new AppError('unknown_group', 422, `Nhóm "${input.group}" không có trong đợt khảo sát. Chọn tên hoặc mã của một nhóm: ${groupChoices(r.groups)}.`);
    const rowRules = { groups: r.groups.map((g) => ({ code: g.code, name: g.name })), officialDomains: r.officialDomains, maxFieldLength: r.maxFieldLength, defaultGroup: group };
    const fileName = input.fileName === undefined ? undefined : showable(input.fileName).slice(0, 255);
    const importId = randomUUID();
    // An import stores the rows while the thread still reads the file; a dry run only reads it.
    const store = input.dryRun ? null : { scope: { campaignId: s.campaignId, bodyCode: s.bodyCode, importId }, chunkRows: q.copyChunkRows(db) };
    const reader = await openListReader({ bytes: input.bytes, rules: rowRules, maxRows: config.roster.maxRows, sheet: input.sheet, store });
    const read = async () => {
      const parsed = await reader.parsed();
      input.onProgress?.({ stage: 'checked', rows: parsed.rows });
      return parsed;
    };
    try {
      if (input.dryRun) {
        const parsed = await read();
        if (parsed.errors.length > 0) return importReport(parsed, null, [], []);
        return await db.transaction(async (txRaw) => {
          const tx = txRaw as unknown as Db;
          await q.boundTransaction(tx, IMPORT_TIMEOUT_SECONDS);
          await lockEditable(tx, s, 'nhập danh sách');
          return (await reader.settle(await q.bodyEntries(tx, s.campaignId, s.bodyCode), r.priorities)).report;
        });
      }
      // The first rows are read before the transaction opens: a file wrong from
      // its start is reported without taking a connection or the body's lock.
      const rows = reader.rows();
      const first = await rows.next();
      return await db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        await q.boundTransaction(tx, IMPORT_TIMEOUT_SECONDS);
        await lockEditable(tx, s, 'nhập danh sách');
        // The thread dedupes once the file is read, while the server finishes the COPY.
        const entries = await q.bodyEntries(tx, s.campaignId, s.bodyCode);
        const settled = reader.settle(entries, r.priorities);
        await q.insertImport(tx, { id: importId, campaignId: s.campaignId, bodyCode: s.bodyCode, groupCode: group ?? null, fileName: fileName ?? null, rows: 0, imported: 0, merged: 0, createdBy: input.actor });
        // Rows go in as kept; the merges are applied below, once the whole file is known.
        await q.copyRespondents(tx, counted(first, rows, input.onProgress));
        const parsed = await read();
        const replaced = [...new Set([...(group ? [group] : []), ...parsed.groups])];
        await q.deleteRespondents(tx, entries.filter((e) => replaced.includes(e.group)).map((e) => e.id));
        const { report, changes, rest } = await settled;
        await q.copyRespondents(tx, rest);
        await q.setMerges(tx, changes);
        await q.finishImport(tx, importId, report);
        await recordAudit(tx, {
          actor: input.actor, action: 'roster.import', campaignId: s.campaignId, bodyCode: s.bodyCode,
          details: { importId, fileName: fileName ?? null, groups: replaced, encoding: parsed.encoding, rows: parsed.rows, imported: report.imported, merged: report.merged, warnings: report.warnings.length },
        });
        return report;
      });
    } catch (error) {
      // The file has errors: what was stored of it is rolled back, and they are all reported.
      if (error instanceof ListHasErrors) return importReport(await read(), null, [], []);
      if ((error as { code?: string }).code === '57014') throw tooComplex();
      throw error;
    } finally {
      reader.close();
    }
  }

  async function checked(campaignId: string, input: PersonInput) {
    const r = await rules(campaignId);
    const out = checkPerson(input, 0, r, groupResolver(r.groups));
    if (!out.candidate) {
      const text = out.errors.map((e) => e.message.replace(/^Dòng 0, /, '')).join(' ');
      throw new AppError('validation_failed', 422, `Thông tin chưa hợp lệ: ${text}`, { errors: out.errors.map((e) => ({ field: e.column, message: e.message.replace(/^Dòng 0, /, '') })) });
    }
    return { candidate: { ...out.candidate, line: null as unknown as number }, priorities: r.priorities };
  }

  async function edit<T>(s: Scope, actor: string, what: string, action: string, run: (tx: Db) => Promise<T & { details: Record<string, unknown> }>) {
    return db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await lockEditable(tx, s, what);
      const out = await run(tx);
      await recordAudit(tx, { actor, action, campaignId: s.campaignId, bodyCode: s.bodyCode, details: out.details });
      return out;
    });
  }

  return {
    importCsv,

    async list(s: Scope) {
      const [body, c, rows] = await Promise.all([campaigns.getBody(s.campaignId, s.bodyCode), campaigns.config(s.campaignId), q.bodyRespondents(db, s.campaignId, s.bodyCode)]);
      return { campaignId: s.campaignId, bodyCode: s.bodyCode, bodyName: body.name, listState: body.listState, listSubmittedAt: body.listSubmittedAt, listDeadline: body.listDeadline, ...buildReview(rows, c.groups, c.mail.officialDomains) };
    },

    async addRespondent(s: Scope & { actor: string; input: PersonInput }) {
      const { candidate, priorities } = await checked(s.campaignId, s.input);
      const id = randomUUID();
      await edit(s, s.actor, 'thêm người', 'roster.add', async (tx) => {
        await settle(tx, s, priorities, [{ ...candidate, id }], null, true);
        return { details: { respondentId: id, group: candidate.group } };
      });
      return respondentView((await q.findRespondent(db, s.campaignId, s.bodyCode, id))!);
    },

    async updateRespondent(s: Scope & { actor: string; id: string; input: PersonInput }) {
      const { candidate, priorities } = await checked(s.campaignId, s.input);
      await edit(s, s.actor, 'sửa danh sách', 'roster.edit', async (tx) => {
        const current = await q.findRespondent(tx, s.campaignId, s.bodyCode, s.id);
        if (!current) throw notFound('Không tìm thấy người này trong danh sách của đơn vị.');
        await q.updateRespondent(tx, s.id, {
          groupCode: candidate.group, fullName: candidate.fullName, email: candidate.email, emailNorm: candidate.emailNorm,
          phone: candidate.phone, phoneNorm: candidate.phoneNorm, organisation: candidate.organisation, position: candidate.position,
        });
        await settle(tx, s, priorities, [], null, true);
        return { details: { respondentId: s.id, from: respondentView(current), to: { ...s.input } } };
      });
      return respondentView((await q.findRespondent(db, s.campaignId, s.bodyCode, s.id))!);
    },

    async removeRespondent(s: Scope & { actor: string; id: string }) {
      const { priorities } = await rules(s.campaignId);
      await edit(s, s.actor, 'xóa người khỏi danh sách', 'roster.remove', async (tx) => {
        const current = await q.findRespondent(tx, s.campaignId, s.bodyCode, s.id);
        if (!current) throw notFound('Không tìm thấy người này trong danh sách của đơn vị.');
        await q.deletePerson(tx, s.campaignId, s.bodyCode, current.mergedInto ?? s.id);
        await settle(tx, s, priorities, [], null, true);
        return { details: { respondentId: s.id, name: current.fullName, group: current.groupCode } };
      });
    },

    /** "Gửi danh sách": locks the list and issues its invitations, all or nothing. */
    async submit(s: Scope & { actor: string }) {
      return db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        await lockEditable(tx, s, 'gửi lại');
        const listed = (await q.bodyEntries(tx, s.campaignId, s.bodyCode)).filter((e) => e.mergedInto === null).length;
        if (listed === 0) throw new AppError('empty_list', 422, 'Danh sách chưa có người nào. Hãy nhập danh sách trước khi gửi.');
        await q.setListState(tx, s.campaignId, s.bodyCode, 'submitted');
        const invitations = await issueInvitations(tx, { campaignId: s.campaignId, bodyCode: s.bodyCode, tokenSecret: config.tokenSecret, mailDomain: mailDomain(config.mailFrom) });
        await recordAudit(tx, { actor: s.actor, action: 'roster.submit', campaignId: s.campaignId, bodyCode: s.bodyCode, details: { listed, ...invitations } });
        return { listState: 'submitted' as const, listed, invitations };
      });
    },

    /** MOHA opens a submitted list again; people keep their links when it is resubmitted. */
    async reopen(s: Scope & { actor: string }) {
      return db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        const lock = await q.lockBody(tx, s.campaignId, s.bodyCode);
        if (!lock) throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
        if (lock.listState !== 'submitted') throw conflict('list_not_submitted', 'Danh sách của đơn vị chưa được gửi nên không cần mở lại.');
        await q.setListState(tx, s.campaignId, s.bodyCode, 'draft');
        await recordAudit(tx, { actor: s.actor, action: 'roster.reopen', campaignId: s.campaignId, bodyCode: s.bodyCode, details: {} });
        return { listState: 'draft' as const };
      });
    },

    async crossBodyDuplicates(campaignId: string) {
      await campaigns.requireCampaign(campaignId);
      return q.crossBodyDuplicates(db, campaignId);
    },

    async templateCsv(campaignId: string) {
      await campaigns.requireCampaign(campaignId);
      return templateCsv();
    },

    async templateXlsx(campaignId: string) {
      const c = await campaigns.config(campaignId);
      return templateXlsx([...c.groups].sort((a, b) => a.priority - b.priority));
    },

    async exportCsv(s: Scope) {
      const c = await campaigns.config(s.campaignId);
      await campaigns.requireBody(s.campaignId, s.bodyCode);
      const rows = await q.bodyRespondents(db, s.campaignId, s.bodyCode);
      return rosterCsv(rows.filter((r) => r.mergedInto === null), c.groups);
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
