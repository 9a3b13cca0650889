// Setting up and removing the second factor for one's own account. The secret
// is shown once, while setting up; it is switched on only after the person
// types a code from their app, and the recovery codes are shown at that moment
// only (the database keeps their hashes).
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as q from './accounts.queries.js';
import type { Principal } from './login.service.js';
import { verifyPassword } from './passwords.js';
import { acceptTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './second-factor.js';
import * as t from './second-factor.queries.js';
import { deleteUserSessions } from './sessions.queries.js';

export type Enrolment = { secret: string; uri: string };

export function createSecondFactorService({ db }: { db: Db }) {
  async function userOf(principal: Principal) {
    const user = await q.findUserById(db, principal.userId);
    if (!user) throw notFound('Không tìm thấy tài khoản.');
    return user;
  }

  return {
    /** Starts (or restarts) setting up: a new secret, not yet in force. */
    async startEnrolment(principal: Principal): Promise<Enrolment> {
      const user = await userOf(principal);
      if (user.totpEnabledAt) throw new AppError('second_factor_on', 409, 'Xác thực hai lớp đã được bật cho tài khoản này.');
      const secret = newTotpSecret();
      await t.setPendingTotpSecret(db, user.id, secret);
      return { secret, uri: totpUri(secret, user.username) };
    },

    /** The secret being set up, to show again after a wrong code. */
    async pendingEnrolment(principal: Principal): Promise<Enrolment | null> {
      const user = await userOf(principal);
      if (user.totpEnabledAt || !user.totpSecret) return null;
      return { secret: user.totpSecret, uri: totpUri(user.totpSecret, user.username) };
    },

    /** Switches the second factor on once a code matches; returns the recovery codes to show once. */
    async confirmEnrolment(principal: Principal, code: string): Promise<string[]> {
      const user = await userOf(principal);
      if (user.totpEnabledAt || !user.totpSecret) throw new AppError('no_enrolment', 409, 'Chưa bắt đầu thiết lập xác thực hai lớp, hoặc đã bật rồi.');
      const step = acceptTotp(user.totpSecret, code, Date.now(), null);
      if (step === null) throw new AppError('wrong_second_factor', 422, 'Mã chưa đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã mới nhất trong ứng dụng.');
      const codes = newRecoveryCodes();
      await db.transaction(async (tx) => {
        await t.enableTotp(tx, user.id, step, codes.map(recoveryCodeHash));
        await recordAudit(tx, { actor: user.username, action: 'user.second_factor_on', bodyCode: user.bodyCode, details: {} });
      });
      return codes;
    },

    /** Body accounts may turn it off again with their password; administrators who must use it may not. */
    async disableSecondFactor(principal: Principal, password: string, required: boolean): Promise<void> {
      const user = await userOf(principal);
      if (required) throw new AppError('second_factor_required', 409, 'Tài khoản quản trị bắt buộc dùng xác thực hai lớp.');
      if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('wrong_credentials', 401, 'Mật khẩu hiện tại không đúng.');
      await db.transaction(async (tx) => {
        await t.disableTotp(tx, user.id);
        await recordAudit(tx, { actor: user.username, action: 'user.second_factor_off', bodyCode: user.bodyCode, details: {} });
      });
    },

    /** The operator's way out for a lost phone and lost recovery codes; ends the account's sessions. */
    async clearSecondFactor(userId: string, actor: string): Promise<void> {
      const user = await q.findUserById(db, userId);
      if (!user) throw notFound('Không tìm thấy tài khoản.');
      await db.transaction(async (tx) => {
        await t.disableTotp(tx, user.id);
        await q.updateUser(tx, user.id, { revoke: true });
        await deleteUserSessions(tx, user.id);
        await recordAudit(tx, { actor, action: 'user.second_factor_cleared', bodyCode: user.bodyCode, details: { username: user.username } });
      });
    },

    recoveryCodesLeft: (principal: Principal) => t.unusedRecoveryCodes(db, principal.userId),
  };
}
