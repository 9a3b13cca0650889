import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { loadPreset, presetIds } from '../../presets/index.js';
import { recordAudit } from '../audit/audit.service.js';
import * as q from './accounts.queries.js';
import type { CreateUserInput } from './accounts.schemas.js';
import { listCampaignBodies, listCampaigns } from '../campaigns/campaigns.queries.js';
import { generatePassword, planBodyAccounts, type PlannedAccount } from './body-accounts.js';
import { createLoginService, type Principal } from './login.service.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { createSecondFactorService } from './second-factor.service.js';
import { deleteUserSessions } from './sessions.queries.js';

export type { Principal, Role, SessionClaims } from './login.service.js';

export function createAccountsService({ db, config }: { db: Db; config: Pick<Config, 'jwtSecret' | 'adminSecondFactor' | 'loginLimits'> }) {
  async function updateUser(id: string, changes: { password?: string; disabled?: boolean; displayName?: string }, actor: string) {
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
  }

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

    updateUser,

    /** Creates an account for every body of the campaign that has none; returns the passwords, which are not kept. */
    async createBodyAccounts(campaignId: string, actor: string): Promise<(PlannedAccount & { password: string })[]> {
      const plan = planBodyAccounts(await listCampaignBodies(db, campaignId), await q.listUsers(db));
      const issued: (PlannedAccount & { password: string; passwordHash: string })[] = [];
      for (const p of plan) {
        const password = generatePassword();
        issued.push({ ...p, password, passwordHash: await hashPassword(password) });
      }
      if (issued.length === 0) return [];
      await db.transaction(async (tx) => {
        await q.insertUsers(tx, issued.map((a) => ({ username: a.username, passwordHash: a.passwordHash, role: 'body' as const, bodyCode: a.bodyCode, displayName: a.bodyName })));
        await recordAudit(tx, { actor, action: 'user.create_for_campaign', campaignId, details: { usernames: issued.map((a) => a.username) } });
      });
      return issued.map(({ passwordHash: _hash, ...a }) => a);
    },

    /** The accounts `createBodyAccounts` would create now. */
    planBodyAccounts: async (campaignId: string) => planBodyAccounts(await listCampaignBodies(db, campaignId), await q.listUsers(db)),

    /** Campaigns whose bodies can be given accounts at once. */
    campaignChoices: () => listCampaigns(db, null),

    /** Gives the account a new generated password (shown once) and ends its sessions. */
    async resetPassword(id: string, actor: string): Promise<{ username: string; password: string }> {
      const password = generatePassword();
      const user = await updateUser(id, { password }, actor);
      return { username: user.username, password };
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

