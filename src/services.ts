// The capability services, built from a database and the configuration alone:
// what the server's routes call and what a command of the CLI calls without
// loading the web server (fastify, routes, pages) it does not need.
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { useAuditSecret } from './modules/audit/audit.service.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createCampaignsService } from './modules/campaigns/campaigns.service.js';
import { createProgressService } from './modules/progress/progress.service.js';
import { createScoringService } from './modules/scoring/scoring.service.js';
import { createRosterService } from './modules/roster/roster.service.js';
import { createMailService } from './modules/mail/mail.service.js';
import { createSurveyService } from './modules/survey/survey.service.js';
import { createMixer } from './modules/survey/mixer.js';
import { createIntegrityService } from './modules/integrity/integrity.service.js';

export function createServices({ database, config }: { database: Database; config: Config }) {
  const db = database.db;
  useAuditSecret(config.tokenSecret);
  const campaigns = createCampaignsService({ db });
  const mixer = createMixer({ db, config });
  return {
    accounts: createAccountsService({ db, config }),
    campaigns,
    progress: createProgressService({ db, campaigns }),
    scoring: createScoringService({ db, campaigns, releaseWaiting: (campaignId) => mixer.run({ campaignId }) }),
    roster: createRosterService({ db, campaigns, config }),
    mail: createMailService({ db, config, campaigns }),
    survey: createSurveyService({ db, campaigns, config }),
    mixer,
    integrity: createIntegrityService({ db, campaigns }),
  };
}

export type Services = ReturnType<typeof createServices>;
