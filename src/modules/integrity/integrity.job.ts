// Incremental interference checks beside the web server: every campaign still
// taking answers (not yet published) has its changed bodies re-evaluated.
import type { Job } from '../../jobs.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import type { IntegrityService } from './integrity.service.js';

export function integrityJob(deps: { integrity: IntegrityService; campaigns: Pick<CampaignsService, 'list'> }, intervalMs: number): Job {
  return {
    name: 'integrity',
    intervalMs,
    async run(signal) {
      const campaigns = await deps.campaigns.list(null);
      for (const c of campaigns) {
        if (signal.aborted) return;
        if (c.publishedAt) continue;
        await deps.integrity.runChanged({ campaignId: c.id });
      }
    },
  };
}
