// Answer scales of the questionnaires: four options graded from best (A) to
// worst (D), plus K, "Không biết / Không đánh giá", which carries no weight.

export type Option = { code: string; label: string };

const scale = (a: string, b: string, c: string, d: string): readonly [string, string, string, string] => [a, b, c, d];

export const scales = {
  kipThoi: scale('Rất kịp thời', 'Kịp thời', 'Chưa kịp thời', 'Không kịp thời'),
  tot: scale('Rất tốt', 'Tốt', 'Chưa tốt', 'Kém'),
  hieuQua: scale('Rất hiệu quả', 'Hiệu quả', 'Ít hiệu quả', 'Không hiệu quả'),
  phuHop: scale('Rất phù hợp', 'Phù hợp', 'Chưa phù hợp', 'Không phù hợp'),
  satThucTien: scale('Rất sát thực tiễn, cụ thể', 'Sát thực tiễn, cụ thể', 'Chưa sát thực tiễn, còn chung chung', 'Không sát thực tiễn'),
  khaThi: scale('Rất khả thi', 'Khả thi', 'Ít khả thi', 'Không khả thi'),
  roRang: scale('Rất rõ ràng, hợp lý', 'Rõ ràng, hợp lý', 'Chưa rõ ràng, còn chồng chéo', 'Không rõ ràng, chồng chéo nhiều'),
  dongBo: scale('Rất đồng bộ, thống nhất', 'Đồng bộ, thống nhất', 'Chưa đồng bộ, thống nhất', 'Chồng chéo, mâu thuẫn'),
  congKhai: scale('Rất công khai, minh bạch', 'Công khai, minh bạch', 'Chưa công khai, minh bạch đầy đủ', 'Không công khai, minh bạch'),
  quyetLiet: scale('Rất quyết liệt, sâu sát', 'Quyết liệt, sâu sát', 'Chưa quyết liệt, sâu sát', 'Thiếu quan tâm, chỉ đạo'),
  nghiem: scale('Rất nghiêm', 'Nghiêm', 'Chưa nghiêm', 'Buông lỏng'),
  khachQuan: scale('Rất khách quan, thực chất', 'Khách quan, thực chất', 'Chưa khách quan, còn hình thức', 'Không khách quan, hình thức'),
  thuanTien: scale('Rất thuận tiện', 'Thuận tiện', 'Chưa thuận tiện', 'Không thuận tiện'),
  dapUng: scale('Đáp ứng tốt yêu cầu', 'Đáp ứng yêu cầu', 'Đáp ứng một phần', 'Không đáp ứng'),
  tietKiem: scale('Rất tiết kiệm, hiệu quả', 'Tiết kiệm, hiệu quả', 'Chưa thật sự tiết kiệm, hiệu quả', 'Còn lãng phí'),
  tinhGon: scale('Rất tinh gọn, hợp lý', 'Tinh gọn, hợp lý', 'Chưa thật sự tinh gọn, hợp lý', 'Cồng kềnh, chưa hợp lý'),
  deApDung: scale('Rất rõ ràng, dễ áp dụng', 'Rõ ràng, dễ áp dụng', 'Có nội dung khó hiểu, khó áp dụng', 'Khó hiểu, khó áp dụng'),
  quanTam: scale('Rất quan tâm, thường xuyên', 'Quan tâm', 'Chưa quan tâm đúng mức', 'Không quan tâm'),
  tienDo: scale('Đạt và vượt kế hoạch', 'Cơ bản đạt kế hoạch', 'Chậm so với kế hoạch', 'Rất chậm so với kế hoạch'),
  caiThien: scale('Cải thiện rõ rệt', 'Có cải thiện', 'Ít cải thiện', 'Không cải thiện'),
  tiepThu: scale('Tiếp thu, khắc phục đầy đủ', 'Tiếp thu, khắc phục phần lớn', 'Tiếp thu, khắc phục một phần', 'Chưa tiếp thu, khắc phục'),
  tiepThuGopY: scale('Tiếp thu, giải trình đầy đủ', 'Tiếp thu, giải trình phần lớn', 'Tiếp thu, giải trình một phần', 'Không tiếp thu, giải trình'),
  thoaDang: scale('Rất kịp thời, thỏa đáng', 'Kịp thời, thỏa đáng', 'Chưa kịp thời, thỏa đáng', 'Không được xem xét, xử lý'),
  anToan: scale('Rất an toàn, ổn định', 'An toàn, ổn định', 'Chưa thật sự an toàn, ổn định', 'Không an toàn, thường xuyên gián đoạn'),
  /** For undesirable practices: the rarer, the better. */
  tinhTrang: scale('Không còn xảy ra', 'Hiếm khi xảy ra', 'Thỉnh thoảng xảy ra', 'Thường xuyên xảy ra'),
  thucChat: scale('Rất thực chất, có sự tham gia rộng rãi', 'Thực chất', 'Còn hình thức', 'Rất hình thức'),
  tuChu: scale('Rất thực chất, hiệu quả', 'Thực chất, hiệu quả', 'Chưa thực chất, hiệu quả', 'Hình thức, không hiệu quả'),
  dayDu: scale('Rất đầy đủ, kịp thời', 'Đầy đủ, kịp thời', 'Chưa đầy đủ, kịp thời', 'Không đầy đủ, không kịp thời'),
  nguonLuc: scale('Đi kèm đầy đủ nguồn lực', 'Đi kèm nguồn lực cơ bản đáp ứng', 'Nguồn lực chưa tương xứng', 'Không đi kèm nguồn lực'),
} as const;

export type ScaleName = keyof typeof scales;

export const dontKnow: Option = { code: 'K', label: 'Không biết / Không đánh giá' };

export function options(name: ScaleName, withDontKnow: boolean): Option[] {
  const [a, b, c, d] = scales[name];
  const graded: Option[] = [
    { code: 'A', label: a },
    { code: 'B', label: b },
    { code: 'C', label: c },
    { code: 'D', label: d },
  ];
  return withDontKnow ? [...graded, dontKnow] : graded;
}
