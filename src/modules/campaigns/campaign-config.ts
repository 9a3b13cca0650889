// The shape of a campaign: its bodies, respondent groups with their dedupe
// priority, questionnaires, rated units, scoring scheme and rules. Presets and
// stored campaigns are validated against it, and cross-references are checked
// so that a bad preset fails at load with the field named.
import { z } from 'zod';
import { levels } from '../../db/schema/campaigns.js';

export const codeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'chỉ gồm chữ không dấu, số, "_", "." hoặc "-"');

export const optionSchema = z.object({
  code: z.string().regex(/^[A-Z]$/, 'mã phương án là một chữ cái in hoa'),
  label: z.string().min(1),
});

export const questionSchema = z.object({
  id: codeSchema,
  text: z.string().min(1),
  /** The sub-criterion (tiêu chí thành phần) the answer counts towards. */
  subCriterion: codeSchema,
  options: z.array(optionSchema).min(2),
  required: z.boolean().default(true),
});

export const sectionSchema = z.object({
  code: codeSchema,
  title: z.string().min(1),
  questions: z.array(questionSchema).min(1),
});

export const formSchema = z.object({
  code: codeSchema,
  title: z.string().min(1),
  intro: z.string().optional(),
  /** `own_body`: the respondent rates their own body; `units`: a grid over the campaign's units of `unitKind`. */
  ratedUnits: z.enum(['own_body', 'units']).default('own_body'),
  unitKind: z.string().optional(),
  sections: z.array(sectionSchema).min(1),
});

export const groupSchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  /** 1 is kept first when a person is listed in several groups. */
  priority: z.number().int().min(1),
  form: codeSchema,
  /** Most respondents one organisation may list in this group (e.g. 2 reform officials per unit). */
  perOrganisationLimit: z.number().int().positive().optional(),
  /** Most distinct organisations in this group (e.g. at most 5 associations). */
  maxOrganisations: z.number().int().positive().optional(),
});

export const formerUnitSchema = z.object({ code: codeSchema, name: z.string().min(1) });

export const bodySchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  kind: z.enum(levels),
  /** Units merged into this one, so earlier rounds can be compared. */
  formerUnits: z.array(formerUnitSchema).default([]),
  /** Seats of the provincial People's Council, for the list-size check. */
  hdndSeats: z.number().int().positive().optional(),
});

/** A unit rated in a grid (e.g. a province's departments); absent in the national round. */
export const unitSchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  kind: codeSchema,
  bodyCode: codeSchema.optional(),
});

export const subCriterionSchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  /** Lĩnh vực: the field of the index the sub-criterion belongs to. */
  field: z.string().min(1),
  maxPoints: z.number().positive(),
});

export const scoringSchemeSchema = z.object({
  version: z.string().min(1),
  /** Weight of each option code; null means "không biết": no weight, out of the denominator. */
  optionWeights: z.record(z.string().regex(/^[A-Z]$/), z.number().min(0).max(1).nullable()),
  subCriteria: z.array(subCriterionSchema).min(1),
  /** Relative weight per group; default equal. Renormalised over the groups that qualify. */
  groupWeights: z.record(codeSchema, z.number().positive()).optional(),
  minValidPerGroup: z.number().int().min(0).default(1),
  /** Bodies see no figure resting on fewer responses of a group than this; 5 is the floor. */
  bodyMinResponses: z.number().int().min(5, 'ngưỡng hiển thị cho đơn vị không được dưới 5 phiếu').default(5),
  /** Survey points out of the index's 100; the sub-criteria's maxima add up to it. */
  surveyShare: z.number().positive().max(100),
});

/** The text a part of the campaign rests on: a decision or letter, its number and date. */
export const sourceSchema = z
  .object({
    document: z.string().min(1).describe('số và tên văn bản, ví dụ "Công văn số 7156/BNV-CCHC"'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày theo dạng YYYY-MM-DD').optional().describe('ngày ban hành; bỏ trống khi chưa xác minh được'),
    note: z.string().optional(),
    /** True when the content is an example to be replaced by the text in force. */
    illustrative: z.boolean().default(false),
  })
  .describe('văn bản làm căn cứ');

export const sourcesSchema = z.object({
  groups: sourceSchema,
  bodies: sourceSchema,
  forms: sourceSchema,
  pointTable: sourceSchema,
  optionWeights: sourceSchema,
  groupWeights: sourceSchema,
  thresholds: sourceSchema,
});

export const mailSettingsSchema = z.object({
  /** Address suffixes counted as official mailboxes (hộp thư công vụ). */
  officialDomains: z.array(z.string().min(2)).default(['gov.vn']),
  /** Days before the response deadline on which reminders go out. */
  reminderDaysBefore: z.array(z.number().int().positive()).default([7, 2]),
});

export const campaignConfigSchema = z
  .object({
    name: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    level: z.enum(levels),
    description: z.string().optional(),
    bodies: z.array(bodySchema).min(1),
    groups: z.array(groupSchema).min(1),
    forms: z.array(formSchema).min(1),
    units: z.array(unitSchema).default([]),
    scoring: scoringSchemeSchema,
    mail: mailSettingsSchema.prefault({}),
    /** Thresholds of the interference rules, by name; the rules supply defaults. */
    integrity: z.record(z.string(), z.number()).default({}),
    /** What each part rests on; campaign files must give it, older stored campaigns may lack it. */
    sources: sourcesSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (items: { code: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.code)) issue([path, i, 'code'], `mã "${item.code}" bị trùng`);
        seen.add(item.code);
      });
    };
    unique(c.bodies, 'bodies');
    unique(c.groups, 'groups');
    unique(c.forms, 'forms');
    unique(c.units, 'units');
    unique(c.scoring.subCriteria, 'scoring.subCriteria');

    const forms = new Set(c.forms.map((f) => f.code));
    const priorities = new Set<number>();
    c.groups.forEach((g, i) => {
      if (!forms.has(g.form)) issue(['groups', i, 'form'], `phiếu "${g.form}" không có trong forms`);
      if (priorities.has(g.priority)) issue(['groups', i, 'priority'], `thứ tự ưu tiên ${g.priority} bị trùng`);
      priorities.add(g.priority);
    });

    const subCriteria = new Set(c.scoring.subCriteria.map((s) => s.code));
    const weighted = new Set(Object.keys(c.scoring.optionWeights));
    const unitKinds = new Set(c.units.map((u) => u.kind));
    c.forms.forEach((f, fi) => {
      if (f.ratedUnits === 'units' && (!f.unitKind || !unitKinds.has(f.unitKind))) {
        issue(['forms', fi, 'unitKind'], `phiếu chấm nhiều đơn vị cần unitKind có trong units`);
      }
      const ids = new Set<string>();
      f.sections.forEach((s, si) =>
        s.questions.forEach((q, qi) => {
          const path = ['forms', fi, 'sections', si, 'questions', qi];
          if (ids.has(q.id)) issue([...path, 'id'], `câu hỏi "${q.id}" bị trùng trong phiếu`);
          ids.add(q.id);
          if (!subCriteria.has(q.subCriterion)) issue([...path, 'subCriterion'], `tiêu chí "${q.subCriterion}" không có trong scoring`);
          q.options.forEach((o, oi) => {
            if (!weighted.has(o.code)) issue([...path, 'options', oi, 'code'], `phương án "${o.code}" chưa có trọng số`);
          });
        }),
      );
    });

    const groups = new Set(c.groups.map((g) => g.code));
    for (const g of Object.keys(c.scoring.groupWeights ?? {})) {
      if (!groups.has(g)) issue(['scoring', 'groupWeights', g], `nhóm "${g}" không có trong groups`);
    }
    const total = c.scoring.subCriteria.reduce((sum, s) => sum + s.maxPoints, 0);
    if (Math.abs(total - c.scoring.surveyShare) > 1e-6) {
      issue(['scoring', 'surveyShare'], `tổng điểm tối đa các tiêu chí (${round2(total)}) khác surveyShare (${c.scoring.surveyShare})`);
    }
    c.bodies.forEach((b, i) => {
      if (b.kind !== c.level) issue(['bodies', i, 'kind'], `đơn vị cấp "${b.kind}" trong đợt cấp "${c.level}"`);
    });
  });

const round2 = (n: number) => Math.round(n * 100) / 100;

export type CampaignConfig = z.infer<typeof campaignConfigSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Form = z.infer<typeof formSchema>;
export type Question = z.infer<typeof questionSchema>;
export type BodyConfig = z.infer<typeof bodySchema>;
export type ScoringScheme = z.infer<typeof scoringSchemeSchema>;
export type Sources = z.infer<typeof sourcesSchema>;

/** Groups ordered by dedupe priority, highest (1) first. */
export function groupsByPriority(config: Pick<CampaignConfig, 'groups'>): Group[] {
  return [...config.groups].sort((a, b) => a.priority - b.priority);
}

export function formForGroup(config: CampaignConfig, groupCode: string): Form | undefined {
  const group = config.groups.find((g) => g.code === groupCode);
  return group && config.forms.find((f) => f.code === group.form);
}
