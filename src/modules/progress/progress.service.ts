import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { dbNow } from '../campaigns/campaigns.queries.js';
import { progressCsv, progressXlsx } from './progress-csv.js';
import { bodyProgress, completionSeries, filterBodies, groupTotals, overallTotals, sortBodies } from './progress.js';
import * as q from './progress.queries.js';
import type { ProgressQuery, RespondentsQuery } from './progress.schemas.js';

export function createProgressService({ db, campaigns }: { db: Db; campaigns: CampaignsService }) {
  /** Officers are confined to their own body; MOHA may narrow to one. */
  function bodyFilter(scopeBody: string | null, requested: string | undefined): string | null {
    if (scopeBody && requested && requested !== scopeBody) throw notFound('Không tìm thấy đơn vị.');
    return scopeBody ?? requested ?? null;
  }

  return {
    /** The database clock, which judges every deadline. */
    now: () => dbNow(db),

    async report(campaignId: string, scopeBody: string | null, query: ProgressQuery, asOfficer: boolean) {
      const config = await campaigns.config(campaignId);
      const body = bodyFilter(scopeBody, query.body);
      const [infos, counters, daily, now] = await Promise.all([
        q.bodiesInfo(db, campaignId, body),
        q.counterRows(db, campaignId, body),
        q.dailyRows(db, campaignId, body),
        dbNow(db),
      ]);
      if (body && infos.length === 0) throw notFound('Không tìm thấy đơn vị trong đợt khảo sát.');
      const groups = [...config.groups].sort((a, b) => a.priority - b.priority).map((g) => ({ code: g.code, name: g.name }));
      const all = bodyProgress(infos, groups, counters);
      const shown = sortBodies(filterBodies(all, query), query.sort, query.order);
      return {
        campaignId,
        generatedAt: now,
        totals: overallTotals(all),
        groups: groupTotals(all, groups),
        // Interference flags are MOHA's business; a body never learns of them.
        bodies: asOfficer ? shown.map(({ openFlags: _hidden, ...rest }) => rest) : shown,
        series: completionSeries(daily),
      };
    },

    /** `bodyChecked`: the caller's route guard has already found the body in the campaign. */
    async respondents(campaignId: string, bodyCode: string, query: RespondentsQuery, bodyChecked = false) {
      if (!bodyChecked) await campaigns.requireBody(campaignId, bodyCode);
      return q.respondentsOfBody(db, campaignId, bodyCode, query);
    },

    /** Every matching person, a page at a time, for downloads of any size. */
    async *allRespondents(campaignId: string, bodyCode: string, query: Omit<RespondentsQuery, 'limit' | 'offset'>) {
      for (let offset = 0; ; offset += 1000) {
        const page = await q.respondentsOfBody(db, campaignId, bodyCode, { ...query, limit: 1000, offset });
        yield* page.rows;
        if (page.rows.length < 1000) return;
      }
    },

    voidedResponses: (campaignId: string, bodyCode: string) => q.voidedResponses(db, campaignId, bodyCode),

    async csv(campaignId: string, scopeBody: string | null, query: ProgressQuery, asOfficer: boolean) {
      const report = await this.report(campaignId, scopeBody, query, asOfficer);
      // The grand total adds up the rows shown, so a filtered export still sums.
      return progressCsv(report.bodies, overallTotals(report.bodies));
    },

    async xlsx(campaignId: string, scopeBody: string | null, query: ProgressQuery, asOfficer: boolean) {
      const report = await this.report(campaignId, scopeBody, query, asOfficer);
      return progressXlsx(report.bodies, overallTotals(report.bodies));
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
