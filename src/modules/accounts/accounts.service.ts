import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { loadPreset, presetIds } from '../../presets/index.js';
import { recordAudit } from '../audit/audit.service.js';
import * as q from './accounts.queries.js';
import type { CreateUserInput } from './accounts.schemas.js';
import { createLoginService, type Principal } from './login.service.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { createSecondFactorService } from './second-factor.service.js';
import { deleteUserSessions } from './sessions.queries.js';

export type { Principal, Role, SessionClaims } from './login.service.js';

export function createAccountsService({ db, config }: { db: Db; config: Pick<Config, 'jwtSecret' | 'adminSecondFactor' | 'loginLimits'> }) {
  return {
    ...createLoginService({ db, secret: config.jwtSecret, adminSecondFactor: config.adminSecondFactor, limits: config.loginLimits }),
    ...createSecondFactorService({ db }),

    async createUser(input: CreateUserInput, actor: string) {
      checkPasswordStrength(input.password, input.username);
      if (input.bodyCode && !(await isKnownBody(db, input.bodyCode))) {
        throw new AppError('unknown_body', 422, `Không có đơn vị mã "${input.bodyCode}" trong các đợt khảo sát hay mẫu đợt khảo sát.`);
      }
      if (await q.findUserByUsername(db, input.username)) {
        throw conflict('username_taken', `Tên đăng nhập "${input.username}" đã được dùng.`);
      }
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const user = await q.insertUser(tx, {
          username: input.username,
          passwordHash,
          role: input.role,
          bodyCode: input.bodyCode ?? null,
          displayName: input.displayName ?? null,
        });
        await recordAudit(tx, { actor, action: 'user.create', bodyCode: user.bodyCode, details: { username: user.username, role: user.role } });
        return user;
      });
    },

    listUsers: () => q.listUsers(db),

    async updateUser(id: string, changes: { password?: string; disabled?: boolean; displayName?: string }, actor: string) {
      const existing = await q.findUserById(db, id);
      if (!existing) throw notFound('Không tìm thấy tài khoản.');
      if (changes.password !== undefined) checkPasswordStrength(changes.password, existing.username);
      const passwordHash = changes.password !== undefined ? await hashPassword(changes.password) : undefined;
      return db.transaction(async (tx) => {
        const user = await q.updateUser(tx, id, {
          ...(passwordHash ? { passwordHash } : {}),
          ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
          ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
          revoke: passwordHash !== undefined || changes.disabled === true,
        });
        if (passwordHash !== undefined || changes.disabled === true) await deleteUserSessions(tx, id);
        await recordAudit(tx, {
          actor,
          action: 'user.update',
          bodyCode: existing.bodyCode,
          details: { username: existing.username, password: passwordHash !== undefined, disabled: changes.disabled ?? null },
        });
        return user!;
      });
    },

    async revokeSessions(id: string, actor: string) {
      return db.transaction(async (tx) => {
        const user = await q.updateUser(tx, id, { revoke: true });
        if (!user) throw notFound('Không tìm thấy tài khoản.');
        await deleteUserSessions(tx, id);
        await recordAudit(tx, { actor, action: 'user.revoke_sessions', bodyCode: user.bodyCode, details: { username: user.username } });
        return user;
      });
    },

    async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string) {
      const user = await q.findUserById(db, principal.userId);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError('wrong_credentials', 401, 'Mật khẩu hiện tại không đúng.');
      }
      checkPasswordStrength(newPassword, user.username);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await q.updateUser(tx, user.id, { passwordHash, revoke: true });
        await deleteUserSessions(tx, user.id);
        await recordAudit(tx, { actor: user.username, action: 'user.change_password', bodyCode: user.bodyCode, details: {} });
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

async function isKnownBody(db: Db, code: string): Promise<boolean> {
  if (await q.bodyCodeKnown(db, code)) return true;
  return presetIds().some((id) => loadPreset(id).campaign.bodies.some((b) => b.code === code));
}

