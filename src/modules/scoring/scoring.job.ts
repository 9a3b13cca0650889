// Seals each campaign once its response deadline has passed (database clock),
// so the scores computed later can be proven to come from the closed data.
import type { Job } from '../../jobs.js';
import type { ScoringService } from './scoring.service.js';

export function sealJob(scoring: Pick<ScoringService, 'sealDue'>, intervalMs = 5 * 60_000): Job {
  return {
    name: 'scores-seal',
    intervalMs,
    run: async () => {
      await scoring.sealDue('system');
    },
  };
}
