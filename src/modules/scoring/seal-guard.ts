// Sealed scores are frozen: whatever would change them (voiding, undoing a
// void, moving the response deadline) asks here first, inside its own
// transaction, and is refused while a seal is in force. MOHA unseals first,
// with a reason, and seals a new version afterwards.
import type { Db } from '../../db/client.js';
import { conflict } from '../../errors.js';
import { isSealed } from '../campaigns/campaigns.queries.js';

export const SEALED_MESSAGE =
  'Điểm của đợt khảo sát đã được niêm phong nên không thể thay đổi dữ liệu. Bộ Nội vụ cần mở niêm phong (ghi rõ lý do) trên trang Điểm toàn quốc, thay đổi, rồi niêm phong lại thành phiên bản mới.';

export async function assertNotSealed(db: Db, campaignId: string): Promise<void> {
  if (await isSealed(db, campaignId)) throw conflict('campaign_sealed', SEALED_MESSAGE);
}
