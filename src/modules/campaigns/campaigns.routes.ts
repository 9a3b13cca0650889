import { z } from 'zod';
import { principalOf, typed, type RoutePlugin } from '../../http.js';
import { loadPreset, presetIds } from '../../presets/index.js';
import {
  bodyDeadlineBody,
  campaignBodyParams,
  campaignBodyView,
  campaignDetail,
  campaignParams,
  campaignSummary,
  createCampaignBody,
  deadlinesBody,
  itContact,
  itContactBody,
} from './campaigns.schemas.js';
import { campaignFileJsonSchema, campaignFileSchema } from './campaign-file.js';
import type { CampaignsService } from './campaigns.service.js';

export const campaignsRoutes: RoutePlugin<{ campaigns: CampaignsService }> = async (app, { campaigns }) => {
  const r = typed(app);
  const tags = ['campaigns'];

  r.get('/api/v1/presets', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: 'Campaign presets that a campaign can be created from',
      response: { 200: z.array(z.object({ id: z.string(), description: z.string(), notice: z.string().nullable(), level: z.string(), year: z.number(), bodies: z.number(), groups: z.array(z.string()) })) },
    },
    handler: async () =>
      presetIds().map((id) => {
        const p = loadPreset(id);
        return { id, description: p.description, notice: p.notice ?? null, level: p.campaign.level, year: p.campaign.year, bodies: p.campaign.bodies.length, groups: p.campaign.groups.map((g) => g.code) };
      }),
  });

  r.get('/api/v1/campaigns/file-schema.json', {
    config: { access: 'public' },
    schema: { tags, summary: 'JSON Schema of a campaign file (groups, bodies, forms, point table, weights, thresholds, each with its source)' },
    handler: async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(campaignFileJsonSchema, null, 2)),
  });

  r.post('/api/v1/campaigns', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Create a campaign from a preset, or from a campaign file given as `file` (see /api/v1/campaigns/file-schema.json)', body: createCampaignBody.extend({ file: campaignFileSchema.optional() }), response: { 201: campaignDetail } },
    handler: async (request, reply) => {
      const { file, ...input } = request.body;
      return reply.code(201).send(await campaigns.create(input, principalOf(request).username, file));
    },
  });

  r.get('/api/v1/campaigns', {
    config: { access: ['admin', 'body', 'scoring'] },
    schema: { tags, summary: 'Campaigns visible to the caller', response: { 200: z.array(campaignSummary) } },
    handler: async (request) => campaigns.list(principalOf(request).bodyCode),
  });

  r.get('/api/v1/campaigns/:campaign', {
    config: { access: ['admin', 'body', 'scoring'] },
    schema: { tags, params: campaignParams, response: { 200: campaignDetail } },
    handler: async (request) => campaigns.get(request.params.campaign),
  });

  r.patch('/api/v1/campaigns/:campaign/deadlines', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Change the list or response deadline', params: campaignParams, body: deadlinesBody, response: { 200: campaignDetail } },
    handler: async (request) => campaigns.setDeadlines(request.params.campaign, request.body, principalOf(request).username),
  });

  r.get('/api/v1/campaigns/:campaign/bodies', {
    config: { access: ['admin'] },
    schema: { tags, params: campaignParams, response: { 200: z.array(campaignBodyView) } },
    handler: async (request) => campaigns.listBodies(request.params.campaign),
  });

  r.get('/api/v1/campaigns/:campaign/bodies/:body', {
    config: { access: ['admin', 'body'] },
    schema: { tags, params: campaignBodyParams, response: { 200: campaignBodyView } },
    handler: async (request) => campaigns.getBody(request.params.campaign, request.params.body),
  });

  r.put('/api/v1/campaigns/:campaign/bodies/:body/list-deadline', {
    config: { access: ['admin'] },
    schema: { tags, summary: "Extend one body's list deadline (null withdraws the extension)", params: campaignBodyParams, body: bodyDeadlineBody, response: { 200: campaignBodyView } },
    handler: async (request) =>
      campaigns.setBodyListDeadline(request.params.campaign, request.params.body, request.body.listDeadline, principalOf(request).username),
  });

  r.get('/api/v1/campaigns/:campaign/bodies/:body/it-contact', {
    config: { access: ['admin', 'body'] },
    schema: { tags, params: campaignBodyParams, response: { 200: itContact } },
    handler: async (request) => (await campaigns.getBody(request.params.campaign, request.params.body)).itContact,
  });

  r.put('/api/v1/campaigns/:campaign/bodies/:body/it-contact', {
    config: { access: ['admin', 'body'] },
    schema: { tags, summary: "The body's IT contact for mail problems", params: campaignBodyParams, body: itContactBody, response: { 200: itContact } },
    handler: async (request) =>
      (await campaigns.setItContact(request.params.campaign, request.params.body, request.body, principalOf(request).username)).itContact,
  });
};
