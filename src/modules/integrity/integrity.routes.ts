import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { campaignParams } from '../campaigns/campaigns.schemas.js';
import { decisionBody, decisionResult, flagList, flagParams, flagsQuery, flagView, reopenBody, reopenResult, runBody, runResult } from './integrity.schemas.js';
import type { IntegrityService } from './integrity.service.js';

/** Interference flags are MOHA's alone: a body officer gets 403 on every route here. */
export const integrityRoutes: RoutePlugin<{ integrity: IntegrityService }> = async (app, { integrity }) => {
  const r = typed(app);
  const tags = ['integrity'];
  const access = ['admin'] as const;

  r.get('/api/v1/campaigns/:campaign/flags', {
    config: { access },
    schema: { tags, summary: 'Interference flags by body and severity, with their evidence', params: campaignParams, querystring: flagsQuery, response: { 200: flagList } },
    handler: async (request) => integrity.listFlags(request.params.campaign, request.query),
  });

  r.get('/api/v1/campaigns/:campaign/flags/:id', {
    config: { access },
    schema: { tags, summary: 'One flag with its evidence and decision', params: flagParams, response: { 200: flagView } },
    handler: async (request) => integrity.getFlag(request.params.campaign, request.params.id),
  });

  r.post('/api/v1/campaigns/:campaign/flags/:id/decision', {
    config: { access },
    schema: {
      tags,
      summary: 'Dismiss the flag, or confirm it by voiding the responses in its evidence or the whole body result (audited)',
      params: flagParams,
      body: decisionBody,
      response: { 200: decisionResult },
    },
    handler: async (request) => integrity.decide(request.params.campaign, request.params.id, request.body, principalOf(request).username),
  });

  r.post('/api/v1/campaigns/:campaign/flags/:id/reopen', {
    config: { access },
    schema: { tags, summary: 'Undo a decision and restore what it voided (audited)', params: flagParams, body: reopenBody, response: { 200: reopenResult } },
    handler: async (request) => integrity.reopen(request.params.campaign, request.params.id, request.body, principalOf(request).username),
  });

  r.post('/api/v1/campaigns/:campaign/integrity/run', {
    config: { access },
    schema: { tags, summary: 'Run the interference rules now over the campaign (or some bodies)', params: campaignParams, body: runBody, response: { 200: runResult } },
    handler: async (request) => integrity.scan({ campaignId: request.params.campaign, bodies: request.body?.bodies }),
  });
};
