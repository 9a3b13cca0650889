// Reopening a submitted list after its deadline would leave a list the body can
// never send again; so a reopen then takes a new list deadline for the body, in
// the same step, and is refused without one.
import { conflict, invalid } from '../../errors.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { formatDeadline } from '../campaigns/deadlines.js';

export type ListReopener = { reopen(input: { campaignId: string; bodyCode: string; actor: string }): Promise<unknown> };

type Input = { campaignId: string; bodyCode: string; listDeadline: string; actor: string; now: Date };

/** Returns the body's list deadline as it stands after the reopen. */
export async function reopenList(deps: { campaigns: CampaignsService; lists: ListReopener }, input: Input): Promise<string> {
  const { campaignId, bodyCode, actor } = input;
  const body = await deps.campaigns.getBody(campaignId, bodyCode);
  if (body.listState !== 'submitted') throw conflict('list_not_submitted', 'Danh sách của đơn vị chưa được gửi nên không cần mở lại.');
  const typed = input.listDeadline.trim();
  if (typed === '' && body.listDeadline.at.getTime() <= input.now.getTime()) {
    throw invalid(
      `Hạn gửi danh sách của ${body.name} (${formatDeadline(body.listDeadline.at)}) đã hết. Hãy nhập hạn gửi danh sách mới cùng lúc mở lại, nếu không đơn vị không gửi lại được danh sách.`,
      [{ field: 'listDeadline', message: 'cần hạn mới' }],
    );
  }
  const deadline = typed === '' ? body.listDeadline : (await deps.campaigns.setBodyListDeadline(campaignId, bodyCode, typed, actor)).listDeadline;
  await deps.lists.reopen({ campaignId, bodyCode, actor });
  return deadline.text;
}
