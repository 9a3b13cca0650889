// The background jobs `serve` runs beside the web server. Each capability that
// needs one (mail sender, reminders, interference checks, sealing) adds it here.
import type { Config } from './config.js';
import type { Job } from './jobs.js';
import type { Services } from './app.js';
import { integrityJob } from './modules/integrity/integrity.job.js';
import { mailJobs } from './modules/mail/mail.jobs.js';
import { sealJob } from './modules/scoring/scoring.job.js';
import { mixJob } from './modules/survey/mixer.job.js';

export function backgroundJobs(services: Services, config: Config): Job[] {
  const jobs: Job[] = [...mailJobs(services.mail, config), mixJob(services.mixer), sealJob(services.scoring)];
  if (config.integrityIntervalSeconds > 0) jobs.push(integrityJob(services, config.integrityIntervalSeconds * 1000));
  return jobs;
}
