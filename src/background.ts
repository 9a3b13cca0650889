// The background jobs `serve` runs beside the web server. Each capability that
// needs one (mail sender, reminders, interference checks, sealing) adds it here.
import type { Config } from './config.js';
import type { Job } from './jobs.js';
import type { Services } from './app.js';
import { mailJobs } from './modules/mail/mail.jobs.js';
import { sealJob } from './modules/scoring/scoring.job.js';

export function backgroundJobs(services: Services, config: Config): Job[] {
  return [
    ...mailJobs(services.mail, config),
    sealJob(services.scoring),
  ];
}
