// Submitted responses written straight into the table, in the shape the survey
// stores them, for tests of what reads responses (interference checks, scores).
import type { Db } from '../../src/db/client.js';
import { responses } from '../../src/db/schema/index.js';
import type { CampaignConfig } from '../../src/modules/campaigns/campaign-config.js';
import { formForGroup } from '../../src/modules/campaigns/campaign-config.js';
import type { TestApp } from './app.js';

export type ResponseSeed = {
  groupCode?: string;
  formCode?: string;
  submittedAt: Date;
  answers: Record<string, Record<string, string>>;
  secondsSpent?: number | null;
  ipHash?: string | null;
  netHash?: string | null;
  uaHash?: string | null;
  deviceKey?: string | null;
  formLoaded?: boolean;
};

export async function insertResponses(db: Db, campaignId: string, bodyCode: string, rows: readonly ResponseSeed[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({
      campaignId,
      bodyCode,
      groupCode: r.groupCode ?? 'hdnd',
      formCode: r.formCode ?? 'phieu-hdnd',
      submittedAt: r.submittedAt,
      answers: r.answers,
      secondsSpent: r.secondsSpent ?? null,
      ipHash: r.ipHash ?? null,
      netHash: r.netHash ?? null,
      uaHash: r.uaHash ?? null,
      jsEnabled: true,
      deviceKey: r.deviceKey ?? null,
      formLoaded: r.formLoaded ?? true,
    }));
    ids.push(...(await db.insert(responses).values(chunk).returning({ id: responses.id })).map((r) => r.id));
  }
  return ids;
}


/** `count` responses of one group of one body, every question answered with `option`. */
export async function insertUniformResponses(
  t: TestApp,
  config: CampaignConfig,
  input: { campaignId: string; bodyCode: string; groupCode: string; option: string; count: number; voided?: boolean },
) {
  const form = formForGroup(config, input.groupCode)!;
  const sheet = Object.fromEntries(form.sections.flatMap((s) => s.questions).map((q) => [q.id, input.option]));
  await t.db.insert(responses).values(
    Array.from({ length: input.count }, () => ({
      campaignId: input.campaignId,
      bodyCode: input.bodyCode,
      groupCode: input.groupCode,
      formCode: form.code,
      submittedAt: new Date('2024-01-05T03:00:00Z'),
      answers: { [input.bodyCode]: sheet },
      ...(input.voided ? { voidedAt: new Date('2024-01-20T03:00:00Z'), voidReason: 'can thiệp' } : {}),
    })),
  );
}
