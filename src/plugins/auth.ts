// Sessions are JWTs (HS256 only, fixed issuer and audience, bounded age, `exp`
// and `iat` required), sent as a bearer token by API clients or as an HttpOnly
// SameSite=Strict cookie by the web pages. Each names a session row that every
// request re-reads, so logout, a password change or a locked account ends the
// session at once on every process.
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, unauthorized } from '../errors.js';
import type { AccountsService, Principal, SessionClaims } from '../modules/accounts/accounts.service.js';
import { SESSION_HOURS } from '../modules/accounts/login.service.js';

export { SESSION_HOURS };
export const SESSION_COOKIE = 'par_session';
const ISSUER = 'par-survey';
const AUDIENCE = 'par-survey';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: SessionClaims;
    user: SessionClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Resolves the caller or throws 401 with a message saying why. */
    authenticate(request: FastifyRequest): Promise<Principal>;
    startSession(reply: FastifyReply, claims: SessionClaims, expiresAt: Date): Promise<{ token: string; expiresAt: Date }>;
    endSession(reply: FastifyReply): void;
  }
}

const JWT_MESSAGES: Record<string, string> = {
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: 'Mã phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: 'Mã phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  FST_JWT_BAD_REQUEST: 'Tiêu đề Authorization phải có dạng "Bearer <mã>".',
  FST_JWT_BAD_COOKIE_REQUEST: 'Bạn cần đăng nhập để tiếp tục.',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'Bạn cần đăng nhập để tiếp tục.',
  FST_JWT_NO_AUTHORIZATION_IN_COOKIE: 'Bạn cần đăng nhập để tiếp tục.',
};

export const authPlugin = fp<{ secret: string; secureCookies: boolean; accounts: AccountsService }>(
  async (app, { secret, secureCookies, accounts }) => {
    await app.register(fastifyCookie);
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: `${SESSION_HOURS}h` },
      verify: { algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE, maxAge: `${SESSION_HOURS}h` },
      cookie: { cookieName: SESSION_COOKIE, signed: false },
    });
    app.decorateRequest('principal', null);

    app.decorate('authenticate', async (request: FastifyRequest) => {
      if (request.principal) return request.principal;
      let claims: SessionClaims & { exp?: unknown; iat?: unknown };
      try {
        claims = await request.jwtVerify<SessionClaims>();
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        throw new AppError('unauthorized', 401, JWT_MESSAGES[code] ?? 'Mã phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.');
      }
      const wellFormed = claims && typeof claims.sub === 'string' && typeof claims.sid === 'string' && typeof claims.tv === 'number';
      if (!wellFormed || typeof claims.exp !== 'number' || typeof claims.iat !== 'number') throw unauthorized('Mã phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.');
      request.principal = await accounts.principalFromClaims(claims);
      return request.principal;
    });

    app.decorate('startSession', async (reply: FastifyReply, claims: SessionClaims, expiresAt: Date) => {
      const token = await reply.jwtSign({ sub: claims.sub, sid: claims.sid, role: claims.role, body: claims.body, tv: claims.tv });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return { token, expiresAt };
    });

    app.decorate('endSession', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookies });
    });
  },
  { name: 'auth' },
);
