// MOHA's account pages: create one account, or one per body of a campaign at
// once (the generated passwords are downloaded once and kept nowhere), reset a
// password, lock and unlock. Resetting and locking show what they will do and
// ask once before acting.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toCsv } from '../../csv/write.js';
import { toXlsx, XLSX_TYPE } from '../../csv/xlsx.js';
import { AppError } from '../../errors.js';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { pageContext } from '../../web/page-context.js';
import { createUserBody } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';

const accountForm = z.record(z.string(), z.string().max(1024));
const idParams = z.object({ id: z.uuid() });
const FILE_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Tên đăng nhập', 'Mật khẩu'];

export const accountsAdminPages: RoutePlugin<{ accounts: AccountsService }> = async (app, { accounts }) => {
  const r = typed(app);
  const admin = ['admin'] as const;

  async function listPage(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) {
    const [users, campaigns] = await Promise.all([accounts.listUsers(), accounts.campaignChoices()]);
    return reply.page('accounts', await pageContext(request, reply, { users, campaigns, form: {}, ...extra }), status);
  }

  async function userOr404(id: string) {
    const user = (await accounts.listUsers()).find((u) => u.id === id);
    if (!user) throw new AppError('not_found', 404, 'Không tìm thấy tài khoản.');
    return user;
  }

  const confirmPage = async (request: FastifyRequest, reply: FastifyReply, c: { heading: string; lines: string[]; action: string; button: string; fields?: Record<string, string> }) =>
    reply.page('account-confirm', await pageContext(request, reply, c));

  r.get('/admin/accounts', {
    config: { access: admin, page: true },
    schema: { hide: true, querystring: z.object({ created: z.string().max(64).optional() }) },
    handler: async (request, reply) => listPage(request, reply, { created: request.query.created }),
  });

  r.post('/admin/accounts', {
    config: { access: admin, page: true },
    schema: { hide: true, body: accountForm },
    handler: async (request, reply) => {
      const form = request.body;
      const parsed = createUserBody.safeParse({ ...form, bodyCode: form.role === 'body' ? form.bodyCode?.trim() || undefined : undefined, displayName: form.displayName || undefined });
      try {
        if (!parsed.success) throw new AppError('validation_failed', 422, parsed.error.issues.map((i) => i.message).join('; '));
        const user = await accounts.createUser(parsed.data, principalOf(request).username);
        return reply.redirect(`/admin/accounts?created=${encodeURIComponent(user.username)}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const { password: _omit, ...kept } = form;
        return listPage(request, reply, { error: error.message, form: kept }, error.status);
      }
    },
  });

  r.post('/admin/accounts/:id/reset', {
    config: { access: admin, page: true },
    schema: { hide: true, params: idParams, body: accountForm },
    handler: async (request, reply) => {
      const user = await userOr404(request.params.id);
      if (request.body.confirm !== 'yes') {
        return confirmPage(request, reply, {
          heading: `Đặt lại mật khẩu của ${user.username}?`,
          lines: ['Một mật khẩu mới được tạo và hiện một lần trên trang sau. Mật khẩu cũ hết hiệu lực ngay, và mọi phiên đăng nhập của tài khoản này kết thúc.'],
          action: `/admin/accounts/${user.id}/reset`,
          button: 'Đặt lại mật khẩu',
        });
      }
      const reset = await accounts.resetPassword(user.id, principalOf(request).username);
      return listPage(request, reply, { reset });
    },
  });

  r.post('/admin/accounts/:id/disable', {
    config: { access: admin, page: true },
    schema: { hide: true, params: idParams, body: accountForm },
    handler: async (request, reply) => {
      const user = await userOr404(request.params.id);
      if (user.id === principalOf(request).userId) return listPage(request, reply, { error: 'Không thể tự khóa tài khoản đang dùng.' }, 409);
      if (request.body.confirm !== 'yes') {
        return confirmPage(request, reply, {
          heading: `Khóa tài khoản ${user.username}?`,
          lines: ['Tài khoản không đăng nhập được nữa và mọi phiên đăng nhập của nó kết thúc ngay. Dữ liệu của đơn vị được giữ nguyên; có thể mở khóa lại bất cứ lúc nào.'],
          action: `/admin/accounts/${user.id}/disable`,
          button: 'Khóa tài khoản',
        });
      }
      await accounts.updateUser(user.id, { disabled: true }, principalOf(request).username);
      return listPage(request, reply, { notice: `Đã khóa tài khoản ${user.username}.` });
    },
  });

  r.post('/admin/accounts/:id/enable', {
    config: { access: admin, page: true },
    schema: { hide: true, params: idParams, body: accountForm },
    handler: async (request, reply) => {
      const user = await userOr404(request.params.id);
      await accounts.updateUser(user.id, { disabled: false }, principalOf(request).username);
      return listPage(request, reply, { notice: `Đã mở khóa tài khoản ${user.username}.` });
    },
  });

  r.post('/admin/accounts/bulk', {
    config: { access: admin, page: true },
    schema: { hide: true, body: accountForm },
    handler: async (request, reply) => {
      const { campaign = '', format = 'xlsx', confirm } = request.body;
      const chosen = (await accounts.campaignChoices()).find((c) => c.id === campaign);
      if (!chosen) return listPage(request, reply, { error: 'Hãy chọn một đợt khảo sát.' }, 422);
      if (confirm !== 'yes') {
        const pending = await accounts.planBodyAccounts(chosen.id);
        if (pending.length === 0) return listPage(request, reply, { notice: `Mọi đơn vị của đợt "${chosen.name}" đã có tài khoản.` });
        return confirmPage(request, reply, {
          heading: `Tạo ${pending.length} tài khoản cho các đơn vị của đợt "${chosen.name}"?`,
          lines: [
            `Các đơn vị chưa có tài khoản: ${pending.map((p) => `${p.bodyName} (${p.username})`).join(', ')}.`,
            'Mật khẩu được tạo ngẫu nhiên và chỉ có trong tệp tải về ngay sau đây; hệ thống không lưu lại. Hãy cất tệp an toàn và gửi mỗi đơn vị tài khoản của mình qua kênh an toàn.',
          ],
          action: '/admin/accounts/bulk',
          button: `Tạo ${pending.length} tài khoản và tải tệp mật khẩu`,
          fields: { campaign: chosen.id, format: format === 'csv' ? 'csv' : 'xlsx' },
        });
      }
      const issued = await accounts.createBodyAccounts(chosen.id, principalOf(request).username);
      const rows = issued.map((a) => [a.bodyCode, a.bodyName, a.username, a.password]);
      const name = `tai-khoan-${chosen.id}`;
      reply.header('cache-control', 'no-store');
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(FILE_HEADER, rows, { bom: true }));
      }
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await toXlsx([{ name: 'Tài khoản', header: FILE_HEADER, rows }]));
    },
  });
};
