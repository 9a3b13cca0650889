// Submitted responses written straight into the table, for score tests.
import { responses } from '../../src/db/schema/index.js';
import type { CampaignConfig } from '../../src/modules/campaigns/campaign-config.js';
import { formForGroup } from '../../src/modules/campaigns/campaign-config.js';
import type { TestApp } from './app.js';

/** `count` responses of one group of one body, every question answered with `option`. */
export async function insertResponses(
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
