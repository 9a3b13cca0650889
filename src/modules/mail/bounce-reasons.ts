// A bounce as an officer can act on it: the receiving server's reply (English,
// often with codes) becomes one Vietnamese sentence chosen by its enhanced
// status code (RFC 3463), or by its basic reply code when there is none.

const byEnhanced: [RegExp, string][] = [
  [/^[45]\.1\.1$/, 'Hộp thư không tồn tại: địa chỉ viết sai hoặc đã bị xóa.'],
  [/^[45]\.1\.2$/, 'Tên miền của địa chỉ không tồn tại hoặc không nhận thư: kiểm tra phần sau dấu @.'],
  [/^[45]\.1\.3$/, 'Địa chỉ viết sai quy cách.'],
  [/^[45]\.1\.6$/, 'Hộp thư đã chuyển đi, không còn dùng: hỏi người này địa chỉ mới.'],
  [/^[45]\.1\.10$/, 'Hộp thư không tồn tại (máy chủ nhận báo không có người nhận này).'],
  [/^[45]\.1\.\d+$/, 'Địa chỉ người nhận không đúng.'],
  [/^[45]\.2\.1$/, 'Hộp thư bị khóa hoặc tạm ngừng nhận thư.'],
  [/^[45]\.2\.2$/, 'Hộp thư đã đầy: nhờ người nhận dọn hộp thư rồi gửi lại.'],
  [/^[45]\.2\.3$/, 'Thư lớn hơn mức hộp thư nhận được.'],
  [/^[45]\.2\.\d+$/, 'Hộp thư của người nhận đang không nhận thư.'],
  [/^[45]\.3\.\d+$/, 'Máy chủ thư của người nhận đang gặp sự cố.'],
  [/^[45]\.4\.\d+$/, 'Không chuyển được thư đến máy chủ của người nhận (lỗi mạng hoặc định tuyến).'],
  [/^[45]\.5\.\d+$/, 'Máy chủ thư của người nhận không chấp nhận cách gửi thư: báo cán bộ kỹ thuật.'],
  [/^[45]\.7\.\d+$/, 'Máy chủ của người nhận từ chối thư (chính sách an ninh hoặc chống thư rác): báo cán bộ kỹ thuật của đơn vị.'],
];

const byBasic: Record<string, string> = {
  '550': 'Máy chủ của người nhận từ chối địa chỉ này (thường là hộp thư không tồn tại).',
  '551': 'Hộp thư không ở máy chủ này: hỏi người này địa chỉ mới.',
  '552': 'Hộp thư đã đầy hoặc thư quá lớn.',
  '553': 'Địa chỉ người nhận không hợp lệ.',
  '554': 'Máy chủ của người nhận từ chối thư.',
};

export const UNKNOWN_BOUNCE = 'Thư bị trả lại.';

/** `raw` is the server's own reply, to show behind a detail; null when there is nothing more to show. */
export function bounceText(reply: string | null | undefined): { text: string; raw: string | null } {
  const raw = (reply ?? '').trim();
  if (raw === '') return { text: UNKNOWN_BOUNCE, raw: null };
  const enhanced = raw.match(/(?:^|[\s(#])([245]\.\d{1,3}\.\d{1,3})(?=$|[\s),.;:])/)?.[1];
  const sentence = (enhanced && byEnhanced.find(([pattern]) => pattern.test(enhanced))?.[1]) ?? byBasic[raw.match(/^([45]\d\d)\b/)?.[1] ?? ''];
  if (sentence) return { text: sentence, raw };
  return raw === UNKNOWN_BOUNCE || raw === 'Thư bị trả lại' ? { text: UNKNOWN_BOUNCE, raw: null } : { text: UNKNOWN_BOUNCE, raw };
}
