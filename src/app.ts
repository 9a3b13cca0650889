// buildApp(deps) assembles the service from its plugins and capability modules.
// Tests build the same app and call it with app.inject; server.ts listens.
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { accountPages } from './modules/accounts/account.pages.js';
import { accountsPages } from './modules/accounts/accounts.pages.js';
import { accountsAdminPages } from './modules/accounts/accounts-admin.pages.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { campaignsPages } from './modules/campaigns/campaigns.pages.js';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.js';
import { progressPages } from './modules/progress/progress.pages.js';
import { waitingPages } from './modules/progress/waiting.pages.js';
import { deadlinePages } from './modules/progress/deadline.pages.js';
import { progressRoutes } from './modules/progress/progress.routes.js';
import { scoringPages } from './modules/scoring/scoring.pages.js';
import { scoringRoutes } from './modules/scoring/scoring.routes.js';
import { rosterPages } from './modules/roster/roster.pages.js';
import { rosterRoutes } from './modules/roster/roster.routes.js';
import { mailBodySection, mailPages } from './modules/mail/mail.pages.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { surveyRoutes } from './modules/survey/survey.routes.js';
import { integrityRoutes } from './modules/integrity/integrity.routes.js';
import { integrityPages } from './modules/integrity/integrity.pages.js';
import { accessPlugin } from './plugins/access.js';
import { authPlugin } from './plugins/auth.js';
import { docsPlugin } from './plugins/docs.js';
import { errorsPlugin } from './plugins/errors.js';
import { healthRoutes } from './plugins/health.js';
import { pagesPlugin } from './web/pages.plugin.js';
import { backgroundJobs } from './background.js';
import { startJobs } from './jobs.js';
import { createServices } from './services.js';
import { packagePath } from './package-path.js';

export { createServices, type Services } from './services.js';

export type AppDeps = {
  database: Database;
  config: Config;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Run the background jobs (serve does; tests and the CLI call services directly). */
  jobs?: boolean;
};

const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { ...(deps.logger === true || deps.logger === undefined ? { level: config.logLevel } : deps.logger), serializers: { req: requestForLog } },
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = createServices({ database, config });

  await app.register(errorsPlugin);
  // Security headers on every reply, the 404s and errors included. Built once: the Fastify
  // wrapper built helmet again for every request, parsing the policy each time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicBaseUrl.startsWith('https:'),
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(fastifyRateLimit, { global: false });
  await app.register(docsPlugin, { version });
  await app.register(authPlugin, {
    secret: config.jwtSecret,
    secureCookies: config.publicBaseUrl.startsWith('https:'),
    accounts: services.accounts,
  });
  await app.register(accessPlugin, { db: database.db });
  await app.register(pagesPlugin, { cache: config.env === 'production', secure: config.publicBaseUrl.startsWith('https:') });

  await app.register(healthRoutes, { database });
  await app.register(accountsRoutes, { accounts: services.accounts, adminSecondFactor: config.adminSecondFactor });
  await app.register(campaignsRoutes, { campaigns: services.campaigns });
  await app.register(progressRoutes, { progress: services.progress });
  await app.register(scoringRoutes, { scoring: services.scoring });
  await app.register(rosterRoutes, { roster: services.roster, campaigns: services.campaigns, now: services.progress.now, maxUploadBytes: config.roster.maxUploadBytes });
  await app.register(accountsPages, { accounts: services.accounts });
  await app.register(accountsAdminPages, { accounts: services.accounts });
  await app.register(accountPages, { accounts: services.accounts, adminSecondFactor: config.adminSecondFactor });
  await app.register(campaignsPages, { campaigns: services.campaigns });
  await app.register(rosterPages, { roster: services.roster, campaigns: services.campaigns, maxUploadBytes: config.roster.maxUploadBytes, dataDir: config.dataDir });
  await app.register(progressPages, { progress: services.progress, campaigns: services.campaigns, sections: [mailBodySection(services.mail, app.views)], lists: services.roster });
  await app.register(waitingPages, { progress: services.progress, campaigns: services.campaigns });
  await app.register(deadlinePages, { progress: services.progress, campaigns: services.campaigns });
  await app.register(mailRoutes, { mail: services.mail, inboundMailToken: config.inboundMailToken });
  await app.register(mailPages, { mail: services.mail });
  await app.register(surveyRoutes, { survey: services.survey });
  await app.register(integrityRoutes, { integrity: services.integrity });
  await app.register(integrityPages, { integrity: services.integrity, campaigns: services.campaigns });
  await app.register(scoringPages, { scoring: services.scoring, campaigns: services.campaigns });
  if (deps.jobs) startJobs(app, backgroundJobs(services, config));
  return app;
}

/**
 * What a request line keeps: method and path, with a survey link's token
 * replaced by `:token`. Survey requests keep no client address; others keep it
 * for the operator (logins, imports).
 */
export function requestForLog(request: { method: string; url: string; ip?: string; host?: string }) {
  const survey = /^\/s\/[^/?#]+/.test(request.url);
  const url = survey ? request.url.replace(/^\/s\/[^/?#]+/, '/s/:token') : request.url;
  return survey ? { method: request.method, url } : { method: request.method, url, remoteAddress: request.ip };
}
