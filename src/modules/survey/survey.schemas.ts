import { z } from 'zod';
import { reportKinds } from '../../db/schema/survey.js';

export const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** The questionnaire post: `action`, `js`, and answers as `<ratedUnitCode>:<questionId>` = option code. */
export const surveyPost = z
  .object({
    action: z.enum(['save', 'submit', 'autosave']).default('save'),
    js: z.string().max(1).optional(),
    /** The form's context as the page stated it (see FormContext). */
    campaign: z.string().max(64).optional(),
    body: z.string().max(64).optional(),
    group: z.string().max(64).optional(),
    /** Active seconds since the page last reported them (survey.js). */
    active: z.coerce.number().int().min(0).max(86_400).optional().catch(undefined),
    /** The form's idempotency key: a retry of a stored submission gets the same thank-you page. */
    submission: z.string().max(64).optional(),
    /** The page's stamp (form-stamp.ts). */
    stamp: z.string().max(64).optional(),
    /** Active seconds since the page was loaded (survey.js). */
    spent: z.coerce.number().int().min(0).max(864_000).optional().catch(undefined),
  })
  .catchall(z.union([z.string().max(64), z.array(z.string().max(64)).max(10)]));

export const reportPost = z.object({
  kind: z.enum(reportKinds, { message: 'Hãy chọn điều đã xảy ra.' }),
  message: z.string().max(2000).optional(),
});

export const savedQuery = z.object({ luu: z.string().max(1).optional() });
