import { Readable } from 'node:stream';
import { z } from 'zod';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { campaignBodyParams, campaignParams } from '../campaigns/campaigns.schemas.js';
import { bodyScoresSchema, exportQuery, publishResult, scoreExportSchema, sealResult, unsealBody, unsealResult, verifyResult } from './scoring.schemas.js';
import type { ScoringService } from './scoring.service.js';

export const exportJsonSchema = z.toJSONSchema(scoreExportSchema, { target: 'draft-2020-12' });

export const scoringRoutes: RoutePlugin<{ scoring: ScoringService }> = async (app, { scoring }) => {
  const r = typed(app);
  const tags = ['scores'];

  r.get('/api/v1/campaigns/:campaign/scores', {
    config: { access: ['admin', 'scoring'] },
    schema: {
      tags,
      summary: 'Survey scores per rated unit, sub-criterion and group, for the index calculator (CSV or JSON; see /api/v1/scores/schema.json)',
      params: campaignParams,
      querystring: exportQuery,
    },
    handler: async (request, reply) => {
      const out = await scoring.exportScores({ campaignId: request.params.campaign, format: request.query.format, bom: request.query.bom });
      return reply
        .type(out.contentType)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('x-input-sha256', out.inputDigest)
        .header('x-generated-at', out.generatedAt)
        .send(Readable.from(out.chunks));
    },
  });

  r.post('/api/v1/campaigns/:campaign/scores/verify', {
    config: { access: ['admin', 'scoring'] },
    schema: { tags, summary: 'Recompute the input digest and compare it with the seal', params: campaignParams, response: { 200: verifyResult } },
    handler: async (request) => scoring.verify(request.params.campaign),
  });

  r.post('/api/v1/campaigns/:campaign/scores/seal', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Seal the inputs after the response deadline (recorded in the audit log)', params: campaignParams, response: { 201: sealResult } },
    handler: async (request, reply) => reply.code(201).send(await scoring.seal(request.params.campaign, principalOf(request).username)),
  });

  r.post('/api/v1/campaigns/:campaign/scores/unseal', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'End the seal in force so a decided change can be made (audited; sealing again makes a new version)', params: campaignParams, body: unsealBody, response: { 200: unsealResult } },
    handler: async (request) => scoring.unseal(request.params.campaign, principalOf(request).username, request.body.reason),
  });

  r.post('/api/v1/campaigns/:campaign/scores/publish', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Let each body see its own sealed scores', params: campaignParams, response: { 200: publishResult } },
    handler: async (request) => scoring.publish(request.params.campaign, principalOf(request).username),
  });

  r.get('/api/v1/campaigns/:campaign/bodies/:body/scores', {
    config: { access: ['admin', 'scoring', 'body'] },
    schema: {
      tags,
      summary: "A body's scores (a body sees its own only, once published, without figures from fewer than 5 responses)",
      params: campaignBodyParams,
      response: { 200: bodyScoresSchema },
    },
    handler: async (request) =>
      scoring.bodyScores(request.params.campaign, request.params.body, principalOf(request).role === 'body' ? 'body' : 'staff'),
  });

  r.get('/api/v1/scores/schema.json', {
    config: { access: 'public' },
    schema: { tags, summary: 'JSON Schema of the JSON score export' },
    handler: async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(exportJsonSchema, null, 2)),
  });
};
