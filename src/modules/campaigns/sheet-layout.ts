// The questionnaire spreadsheet's layout, shared by its reader and writer: one
// sheet per part of a campaign file, one row per question on "Câu hỏi", with
// Vietnamese headers (matched without regard to case or spacing).
export type Column = { key: string; header: string };

const cols = (pairs: [string, string][]): Column[] => pairs.map(([key, header]) => ({ key, header }));

export const SHEETS = {
  info: { name: 'Thông tin', columns: cols([['key', 'Mục'], ['label', 'Nội dung'], ['value', 'Giá trị']]) },
  sources: { name: 'Căn cứ', columns: cols([['part', 'Phần'], ['document', 'Văn bản'], ['date', 'Ngày ban hành'], ['illustrative', 'Minh họa'], ['note', 'Ghi chú']]) },
  bodies: { name: 'Đơn vị', columns: cols([['code', 'Mã đơn vị'], ['name', 'Tên đơn vị'], ['kind', 'Cấp'], ['hdndSeats', 'Số đại biểu HĐND'], ['formerUnits', 'Đơn vị cũ hợp thành']]) },
  groups: {
    name: 'Nhóm',
    columns: cols([
      ['code', 'Mã nhóm'],
      ['name', 'Tên nhóm'],
      ['description', 'Mô tả'],
      ['priority', 'Thứ tự ưu tiên'],
      ['form', 'Phiếu'],
      ['weight', 'Trọng số nhóm'],
      ['perOrganisationLimit', 'Tối đa mỗi tổ chức'],
      ['maxOrganisations', 'Tối đa số tổ chức'],
    ]),
  },
  forms: { name: 'Phiếu', columns: cols([['code', 'Mã phiếu'], ['title', 'Tiêu đề'], ['intro', 'Lời mở đầu'], ['ratedUnits', 'Đối tượng đánh giá'], ['unitKind', 'Loại đơn vị được đánh giá']]) },
  questions: {
    name: 'Câu hỏi',
    columns: cols([
      ['form', 'Phiếu'],
      ['section', 'Mã phần'],
      ['sectionTitle', 'Tên phần'],
      ['id', 'Mã câu'],
      ['text', 'Nội dung câu hỏi'],
      ['subCriterion', 'Tiêu chí thành phần'],
      ['required', 'Bắt buộc'],
    ]),
  },
  subCriteria: { name: 'Tiêu chí', columns: cols([['code', 'Mã tiêu chí'], ['name', 'Tên tiêu chí thành phần'], ['field', 'Lĩnh vực'], ['maxPoints', 'Điểm tối đa']]) },
  options: { name: 'Phương án', columns: cols([['code', 'Phương án'], ['weight', 'Trọng số (trống: không tính)']]) },
  units: { name: 'Đơn vị được đánh giá', columns: cols([['code', 'Mã'], ['name', 'Tên'], ['kind', 'Loại'], ['bodyCode', 'Mã đơn vị quản lý']]) },
  integrity: { name: 'Ngưỡng cảnh báo', columns: cols([['name', 'Tên ngưỡng'], ['value', 'Giá trị']]) },
} as const;

/** Questions carry one column per option code: "Phương án A", "Phương án B"… holding the option's label. */
export const optionHeader = (code: string) => `Phương án ${code}`;
export const OPTION_HEADER = /^phương án\s+([A-Z])$/i;

/** Rows of the "Thông tin" sheet: key, label shown to the person filling it. */
export const INFO_ROWS: [string, string][] = [
  ['id', 'Mã mẫu (chữ không dấu, số, "-")'],
  ['description', 'Mô tả mẫu'],
  ['notice', 'Lưu ý về nội dung minh họa'],
  ['name', 'Tên đợt khảo sát'],
  ['year', 'Năm'],
  ['level', 'Cấp (province: tỉnh, ministry: bộ)'],
  ['campaignDescription', 'Mô tả đợt'],
  ['listDeadline', 'Hạn gửi danh sách (YYYY-MM-DD)'],
  ['responseDeadline', 'Hạn trả lời phiếu (YYYY-MM-DD)'],
  ['schemeVersion', 'Phiên bản bảng điểm'],
  ['surveyShare', 'Điểm điều tra xã hội học (trên 100)'],
  ['minValidPerGroup', 'Số phiếu hợp lệ tối thiểu mỗi nhóm'],
  ['bodyMinResponses', 'Ngưỡng hiển thị điểm cho đơn vị (không dưới 5)'],
  ['officialDomains', 'Tên miền hộp thư công vụ (cách nhau bởi dấu phẩy)'],
  ['reminderDaysBefore', 'Nhắc trước hạn trả lời (ngày, cách nhau bởi dấu phẩy)'],
];

export const SOURCE_PARTS: [string, string][] = [
  ['groups', 'Nhóm đối tượng, ưu tiên, thời hạn'],
  ['bodies', 'Danh sách đơn vị'],
  ['forms', 'Mẫu phiếu, câu hỏi'],
  ['pointTable', 'Bảng điểm tối đa'],
  ['optionWeights', 'Trọng số phương án'],
  ['groupWeights', 'Trọng số nhóm'],
  ['thresholds', 'Ngưỡng số phiếu'],
];

export const YES = 'có';
export const NO = 'không';
export const normaliseHeader = (h: string) => h.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
