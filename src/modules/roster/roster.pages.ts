// The officer's Lists page: choose a group, upload (dry run, then confirm),
// read the report line by line, review by group with merges and warnings,
// correct or remove people, submit. After the deadline it says so instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { formatters } from '../../web/format.js';
import { pageContext } from '../../web/page-context.js';
import { campaignBodyParams } from '../campaigns/campaigns.schemas.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import type { ImportReport } from './report.js';
import { registerUploads, uploadedFile } from './roster.routes.js';
import { importFields, isDryRun, personBody, respondentParams } from './roster.schemas.js';
import type { RosterService } from './roster.service.js';
import { createUploadStore } from './uploads.js';

const doneMessages: Record<string, string> = {
  saved: 'Đã lưu thay đổi.',
  added: 'Đã thêm người vào danh sách.',
  removed: 'Đã xóa người khỏi danh sách.',
  submitted: 'Đã gửi danh sách. Thư mời đang được gửi đến từng người.',
  reopened: 'Đã mở lại danh sách để đơn vị sửa và gửi lại.',
};

type Notice = { done?: string | undefined; error?: string | undefined; typed?: Record<string, string>; report?: ImportReport; upload?: { id: string; group?: string | undefined; fileName?: string | undefined; dryRun: boolean }; status?: number };

const form = z.record(z.string(), z.string().max(4000));

type Merge = { kept: { id: string; name: string; email: string; group: string }; dropped: { id: string; name: string; email: string; group: string; reasonText: string }[] };

/** What adding one person did: a plain addition, or a merge with someone already listed (and whom). */
export function addedMessage(added: { id: string; name: string; group: string }, merges: readonly Merge[], groupName: (code: string) => string): string {
  const asDropped = merges.find((m) => m.dropped.some((d) => d.id === added.id));
  if (asDropped) {
    const k = asDropped.kept;
    const why = asDropped.dropped.find((d) => d.id === added.id)!.reasonText;
    return `Không thêm mục mới: ${added.name} đã có trong danh sách là ${k.name} (${k.email}, nhóm “${groupName(k.group)}”), nên hai mục được gộp làm một (${why}) và giữ ở nhóm “${groupName(k.group)}”.`;
  }
  const asKept = merges.find((m) => m.kept.id === added.id);
  if (asKept) {
    const others = asKept.dropped.map((d) => `${d.name} (${d.email}, nhóm “${groupName(d.group)}”; ${d.reasonText})`).join('; ');
    return `Đã thêm ${added.name} vào nhóm “${groupName(added.group)}” và gộp mục đã có của ${others} vào đây, vì nhóm này được ưu tiên hơn.`;
  }
  return `Đã thêm ${added.name} vào nhóm “${groupName(added.group)}”.`;
}

export const rosterPages: RoutePlugin<{ roster: RosterService; campaigns: CampaignsService; maxUploadBytes: number; dataDir: string }> = async (app, { roster, campaigns, maxUploadBytes, dataDir }) => {
  await registerUploads(app, maxUploadBytes);
  const r = typed(app);
  const uploads = createUploadStore(dataDir);
  const url = (p: { campaign: string; body: string }) => `/c/${p.campaign}/b/${p.body}/lists`;
  const scope = (p: { campaign: string; body: string }) => ({ campaignId: p.campaign, bodyCode: p.body });

  async function render(request: FastifyRequest, reply: FastifyReply, p: { campaign: string; body: string }, notice: Notice = {}) {
    const [campaign, list, config] = await Promise.all([campaigns.get(p.campaign), roster.list(scope(p)), campaigns.config(p.campaign)]);
    const groupName = new Map(config.groups.map((g) => [g.code, g.name]));
    // What the page offers; every change is still judged on the database clock when it is made.
    const open = Date.now() <= list.listDeadline.at.getTime();
    return reply.page(
      'lists',
      await pageContext(request, reply, {
        campaign,
        list,
        groups: list.groups.map((g) => ({ code: g.code, name: g.name })),
        admin: principalOf(request).role === 'admin',
        editable: list.listState === 'draft' && open,
        deadlinePassed: !open,
        reopen: { bodyCode: list.bodyCode, bodyName: list.bodyName, deadlineText: list.listDeadline.text, deadlinePassed: !open, campaignId: p.campaign, back: 'lists' },
        groupName: (code: string) => groupName.get(code) ?? code,
        maxUploadMb: Math.round(maxUploadBytes / 1048576),
        bodyName: list.bodyName,
        typed: {},
        ...notice,
        ...formatters,
      }),
      notice.status ?? 200,
    );
  }

  /** A mistake the officer can fix re-renders the page with its message; anything else is an error page. */
  async function act(request: FastifyRequest, reply: FastifyReply, p: { campaign: string; body: string }, action: () => Promise<unknown>, done: string) {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404 || error.status === 403) throw error;
      return render(request, reply, p, { error: error.message, status: error.status });
    }
    return reply.redirect(`${url(p)}?done=${done}`, 303);
  }

  r.get('/c/:campaign/b/:body/lists', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, querystring: z.object({ done: z.string().max(40).optional() }) },
    handler: async (request, reply) => render(request, reply, request.params, { done: doneMessages[request.query.done ?? ''] }),
  });

  r.post('/c/:campaign/b/:body/lists/import', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, consumes: ['multipart/form-data'], params: campaignBodyParams, body: importFields },
    handler: async (request, reply) => {
      const p = request.params;
      const dryRun = isDryRun(request.body.dryRun);
      const group = request.body.group || undefined;
      try {
        const { bytes, fileName } = uploadedFile(request, request.body);
        const report = await roster.importCsv({ ...scope(p), group, bytes, dryRun, actor: principalOf(request).username, fileName });
        if (report.errors.length > 0) return render(request, reply, p, { report, error: `Tệp có ${report.errors.length} lỗi nên chưa lưu gì. Hãy sửa theo bảng dưới đây rồi tải lại.`, status: 422 });
        if (!dryRun) return render(request, reply, p, { report, done: `Đã nhập ${report.imported} người${report.merged ? `, gộp ${report.merged} mục trùng` : ''}.` });
        const id = await uploads.put(bytes, { ...scope(p), group, fileName });
        return render(request, reply, p, { report, upload: { id, group, fileName, dryRun } });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        return render(request, reply, p, { error: error.message, status: error.status });
      }
    },
  });

  r.post('/c/:campaign/b/:body/lists/confirm', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, body: z.object({ upload: z.string().max(64), _csrf: z.string().optional() }) },
    handler: async (request, reply) => {
      const p = request.params;
      const pending = await uploads.take(request.body.upload, p.campaign, p.body);
      if (!pending) return render(request, reply, p, { error: 'Tệp đã kiểm tra không còn (quá 1 giờ hoặc đã nhập). Hãy chọn và tải tệp lại.', status: 410 });
      try {
        const report = await roster.importCsv({ ...scope(p), group: pending.group, bytes: pending.bytes, dryRun: false, actor: principalOf(request).username, fileName: pending.fileName });
        if (report.errors.length > 0) return render(request, reply, p, { report, error: `Tệp có ${report.errors.length} lỗi nên chưa lưu gì.`, status: 422 });
        await uploads.drop(request.body.upload);
        return render(request, reply, p, { report, done: `Đã nhập ${report.imported} người${report.merged ? `, gộp ${report.merged} mục trùng` : ''}.` });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        return render(request, reply, p, { error: error.message, status: error.status });
      }
    },
  });

  const person = (body: Record<string, string>) => {
    const parsed = personBody.safeParse(body);
    if (!parsed.success) throw new AppError('validation_failed', 422, 'Thông tin chưa đủ: cần họ và tên, email và nhóm.');
    return parsed.data;
  };

  r.post('/c/:campaign/b/:body/lists/add', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, body: form },
    handler: async (request, reply) => {
      const p = request.params;
      let added: { id: string; name: string; group: string };
      try {
        added = await roster.addRespondent({ ...scope(p), actor: principalOf(request).username, input: person(request.body) });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404 || error.status === 403) throw error;
        return render(request, reply, p, { error: error.message, status: error.status, typed: request.body });
      }
      const [list, config] = await Promise.all([roster.list(scope(p)), campaigns.config(p.campaign)]);
      const names = new Map(config.groups.map((g) => [g.code, g.name]));
      return render(request, reply, p, { done: addedMessage(added, list.merges, (code) => names.get(code) ?? code) });
    },
  });

  r.post('/c/:campaign/b/:body/lists/respondents/:id', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: respondentParams, body: form },
    handler: async (request, reply) =>
      act(request, reply, request.params, () => roster.updateRespondent({ ...scope(request.params), actor: principalOf(request).username, id: request.params.id, input: person(request.body) }), 'saved'),
  });

  r.post('/c/:campaign/b/:body/lists/respondents/:id/remove', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: respondentParams, body: form },
    handler: async (request, reply) =>
      act(request, reply, request.params, () => roster.removeRespondent({ ...scope(request.params), actor: principalOf(request).username, id: request.params.id }), 'removed'),
  });

  // MOHA reopens a list through the body page's form (reopen-list), which asks once and takes a new deadline.
  r.post('/c/:campaign/b/:body/lists/submit', {
    config: { access: ['admin', 'body'], page: true },
    schema: { hide: true, params: campaignBodyParams, body: form },
    handler: async (request, reply) => act(request, reply, request.params, () => roster.submit({ ...scope(request.params), actor: principalOf(request).username }), 'submitted'),
  });

};
