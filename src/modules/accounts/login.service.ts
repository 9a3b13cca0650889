// Logging in and staying logged in. One limit covers the API and the page:
// tries are counted per account and per address in PostgreSQL before the
// password is checked, and given back when the login succeeds. Every session
// is a row; its token names it, so logout or a password change ends it on
// every process at the next request.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import * as q from './accounts.queries.js';
import { addressKey, countAttempts, forgiveAttempts } from './attempts.js';
import { verifyPassword } from './passwords.js';
import { acceptTotp, looksLikeRecoveryCode, recoveryCodeHash } from './second-factor.js';
import * as s from './sessions.queries.js';
import { consumeRecoveryCode, recordTotpStep } from './second-factor.queries.js';

export type Role = q.UserRow['role'];

/** Who is calling: resolved from a live session on every request. */
export type Principal = {
  userId: string;
  sessionId: string;
  username: string;
  role: Role;
  bodyCode: string | null;
  /** The body's name for the header, e.g. "Sở Nội vụ tỉnh Quảng Ninh" (officers only). */
  bodyName: string | null;
  displayName: string | null;
  /** Whether the account uses a second factor. */
  secondFactor: boolean;
  /** An administrator who must set up a second factor before anything else. */
  mustEnrol: boolean;
};

/** What a session token carries: the session row (`sid`) and the user's token version. */
export type SessionClaims = { sub: string; sid: string; role: Role; body: string | null; tv: number };

export type LoginClient = { ip: string };
export type LoginInput = { username: string; password: string; code?: string | undefined };

export const SESSION_HOURS = 8;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_LIMITS = { account: 10, address: 100 };
const PENDING_SECONDS = 5 * 60;

const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const TOO_MANY = 'Đã thử đăng nhập quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại, hoặc liên hệ Bộ Nội vụ.';
const REVOKED = 'Phiên đăng nhập không còn hiệu lực. Vui lòng đăng nhập lại.';

export function createLoginService({ db, secret, adminSecondFactor, limits = LOGIN_LIMITS }: { db: Db; secret: string; adminSecondFactor: boolean; limits?: typeof LOGIN_LIMITS }) {
  const keysFor = (username: string, client: LoginClient) => [`login-account:${username.toLowerCase()}`, addressKey(secret, 'login-address', client.ip)];

  async function countTry(keys: string[]) {
    const counts = await countAttempts(db, keys, LOGIN_WINDOW_SECONDS);
    const [account, address] = keys.map((k) => counts.find((c) => c.key === k)?.count ?? 0);
    if (account! > limits.account || address! > limits.address) throw new AppError('login_rate_limited', 429, TOO_MANY);
  }

  /** A signed, short-lived note that the password was right, so the page can ask for the code next. */
  const pendingFor = (user: q.UserRow) => sign(secret, `${user.id}.${user.tokenVersion}.${Math.floor(Date.now() / 1000) + PENDING_SECONDS}`);

  async function secondFactorOk(user: q.UserRow, code: string): Promise<boolean> {
    if (looksLikeRecoveryCode(code)) return consumeRecoveryCode(db, user.id, recoveryCodeHash(code));
    const step = acceptTotp(user.totpSecret!, code, Date.now(), user.totpLastStep);
    return step !== null && (await recordTotpStep(db, user.id, step));
  }

  async function finish(user: q.UserRow, code: string | undefined, keys: string[]) {
    if (user.totpEnabledAt) {
      if (!code) {
        await forgiveAttempts(db, keys, LOGIN_WINDOW_SECONDS);
        throw new AppError('second_factor_required', 401, 'Nhập mã 6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục.', { pending: pendingFor(user) });
      }
      if (!(await secondFactorOk(user, code))) {
        throw new AppError('wrong_second_factor', 401, 'Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới nhất trong ứng dụng.', { pending: pendingFor(user) });
      }
    }
    await forgiveAttempts(db, keys, LOGIN_WINDOW_SECONDS);
    const session = await s.insertSession(db, user.id, SESSION_HOURS);
    const { id, role, bodyCode, displayName, disabled, createdAt } = user;
    return {
      user: { id, username: user.username, role, bodyCode, displayName, disabled, createdAt },
      claims: { sub: id, sid: session.id, role, body: bodyCode, tv: user.tokenVersion } satisfies SessionClaims,
      expiresAt: session.expiresAt,
    };
  }

  return {
    async login(input: LoginInput, client: LoginClient) {
      const keys = keysFor(input.username, client);
      await countTry(keys);
      const user = await q.findUserByUsername(db, input.username);
      const ok = await verifyPassword(user?.passwordHash, input.password);
      if (!user || !ok) throw new AppError('wrong_credentials', 401, WRONG_LOGIN);
      if (user.disabled) throw new AppError('account_disabled', 401, 'Tài khoản đã bị khóa. Hãy liên hệ Bộ Nội vụ.');
      return finish(user, input.code?.trim() || undefined, keys);
    },

    /** The page's second step: the pending note from the first step and a code. */
    async completeLogin(pending: string, code: string, client: LoginClient) {
      const [userId, tv, until] = verifySigned(secret, pending)?.split('.') ?? [];
      if (!userId || Number(until) < Date.now() / 1000) throw new AppError('login_expired', 401, 'Bước đăng nhập đã hết hạn. Vui lòng nhập lại mật khẩu.');
      const user = await q.findUserById(db, userId);
      if (!user || user.disabled || String(user.tokenVersion) !== tv) throw new AppError('login_expired', 401, 'Bước đăng nhập đã hết hạn. Vui lòng nhập lại mật khẩu.');
      const keys = keysFor(user.username, client);
      await countTry(keys);
      return finish(user, code.trim() || undefined, keys);
    },

    async principalFromClaims(claims: SessionClaims): Promise<Principal> {
      // Only a malformed id is a bad session; a database that is down must surface as 503, not log people out.
      const wellFormed = UUID.test(String(claims.sub)) && UUID.test(String(claims.sid));
      const user = wellFormed ? await s.findSessionUser(db, claims.sid, claims.sub) : undefined;
      if (!user || user.disabled || user.tokenVersion !== claims.tv) throw new AppError('session_revoked', 401, REVOKED);
      return {
        userId: user.id,
        sessionId: claims.sid,
        username: user.username,
        role: user.role,
        bodyCode: user.bodyCode,
        bodyName: user.bodyName,
        displayName: user.displayName,
        secondFactor: user.totpEnabledAt !== null,
        mustEnrol: adminSecondFactor && user.role === 'admin' && user.totpEnabledAt === null,
      };
    },

    logout: (principal: Principal) => s.deleteSession(db, principal.sessionId),
  };
}

export type LoginService = ReturnType<typeof createLoginService>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const mac = (secret: string, value: string) => createHmac('sha256', secret).update(`pending-login|${value}`).digest('base64url');
const sign = (secret: string, value: string) => `${value}.${mac(secret, value)}`;

function verifySigned(secret: string, signed: string): string | null {
  const cut = signed.lastIndexOf('.');
  if (cut < 0) return null;
  const value = signed.slice(0, cut);
  const given = Buffer.from(signed.slice(cut + 1));
  const expected = Buffer.from(mac(secret, value));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
