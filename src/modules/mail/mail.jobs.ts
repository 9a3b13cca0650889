// The sender and the reminder schedule as background jobs of `serve`. A sender
// that cannot send at all (production without SMTP_URL) says so once and stops,
// rather than failing every two seconds.
import type { Config } from '../../config.js';
import type { Job } from '../../jobs.js';
import { MailConfigError, type MailService } from './mail.service.js';

export function mailJobs(mail: MailService, config: Config): Job[] {
  const jobs: Job[] = [
    { name: 'mail-reminders', intervalMs: 10 * 60 * 1000, run: async () => void (await mail.remind()) },
  ];
  if (!config.sender) return jobs;
  let refused = false;
  jobs.push({
    name: 'mail-sender',
    intervalMs: 2000,
    run: async (signal) => {
      if (refused) return;
      try {
        await mail.checkTransport();
      } catch (error) {
        if (error instanceof MailConfigError) refused = true;
        throw error;
      }
      await mail.dispatch({ signal });
    },
  });
  return jobs;
}
