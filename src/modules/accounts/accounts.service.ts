import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { loadPreset, presetIds } from '../../presets/index.js';
import { recordAudit } from '../audit/audit.service.js';
import * as q from './accounts.queries.js';
import type { CreateUserInput } from './accounts.schemas.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Role = q.UserRow['role'];

/** Who is calling: resolved from a verified session token on every request. */
export type Principal = {
  userId: string;
  username: string;
  role: Role;
  bodyCode: string | null;
  displayName: string | null;
};

/** What a session token carries; `tv` must match the user's token version. */
export type SessionClaims = { sub: string; role: Role; body: string | null; tv: number };

const toPrincipal = (u: Pick<q.UserRow, 'id' | 'username' | 'role' | 'bodyCode' | 'displayName'>): Principal => ({
  userId: u.id,
  username: u.username,
  role: u.role,
  bodyCode: u.bodyCode,
  displayName: u.displayName,
});

const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export function createAccountsService({ db }: { db: Db }) {
  return {
    async login(username: string, password: string): Promise<{ user: q.PublicUser; claims: SessionClaims }> {
      const user = await q.findUserByUsername(db, username);
      const ok = await verifyPassword(user?.passwordHash, password);
      if (!user || !ok) throw new AppError('wrong_credentials', 401, WRONG_LOGIN);
      if (user.disabled) throw new AppError('account_disabled', 401, 'Tài khoản đã bị khóa. Hãy liên hệ Bộ Nội vụ.');
      const { id, role, bodyCode, displayName, disabled, createdAt } = user;
      return {
        user: { id, username: user.username, role, bodyCode, displayName, disabled, createdAt },
        claims: { sub: id, role, body: bodyCode, tv: user.tokenVersion },
      };
    },

    async principalFromClaims(claims: SessionClaims): Promise<Principal> {
      // Only a malformed id is a bad session; a database that is down must surface as 503, not log people out.
      const user = typeof claims.sub === 'string' && UUID.test(claims.sub) ? await q.findUserById(db, claims.sub) : undefined;
      if (!user || user.disabled || user.tokenVersion !== claims.tv) {
        throw new AppError('session_revoked', 401, 'Phiên đăng nhập không còn hiệu lực. Vui lòng đăng nhập lại.');
      }
      return toPrincipal(user);
    },

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

