// The services of every capability, wired to one database and configuration:
// what the web app, the command line and background work call. Kept apart from
// app.ts so that a process that only works (the CLI, an import) does not load
// the web server, its plugins and pages.
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { useAuditSecret } from './modules/audit/audit.service.js';
import { createCampaignsService } from './modules/campaigns/campaigns.service.js';
import { createIntegrityService } from './modules/integrity/integrity.service.js';
import { createMailService } from './modules/mail/mail.service.js';
import { createProgressService } from './modules/progress/progress.service.js';
import { createRosterService } from './modules/roster/roster.service.js';
import { createScoringService } from './modules/scoring/scoring.service.js';
import { createMixer } from './modules/survey/mixer.js';
import { createSurveyService } from './modules/survey/survey.service.js';

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
