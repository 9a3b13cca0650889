// Bodies of the national presets: the 63 provincial units before 1 July 2025,
// the 34 units after the 2025 reorganisation (with the units merged into each),
// and the 19 ministries and ministerial-level agencies scored in the 2023 round.

type Body = {
  code: string;
  name: string;
  kind: 'province' | 'ministry';
  formerUnits?: { code: string; name: string }[];
  hdndSeats?: number;
};

/**
 * Provincial People's Councils, 2021–2026 term. Seats follow Articles 25 and 39
 * of the Law on Organisation of Local Government (as amended in 2019), from the
 * 2019 census population: mountainous provinces 50 up to 500,000 inhabitants,
 * one more per 50,000, at most 75; other provinces 50 up to 1,000,000, one more
 * per 70,000, at most 85; centrally-run cities 50 up to 1,000,000, one more per
 * 60,000, at most 85; Hà Nội and TP. Hồ Chí Minh 95. Figures published by the
 * provinces replace the formula where known (Quảng Ninh 66, Nam Định 61,
 * Đắk Lắk 75, Đắk Nông 52, Bắc Kạn 50).
 */
const provinces2023: [code: string, name: string, seats: number][] = [
  ['01', 'Thành phố Hà Nội', 95],
  ['02', 'Tỉnh Hà Giang', 57],
  ['04', 'Tỉnh Cao Bằng', 50],
  ['06', 'Tỉnh Bắc Kạn', 50],
  ['08', 'Tỉnh Tuyên Quang', 55],
  ['10', 'Tỉnh Lào Cai', 54],
  ['11', 'Tỉnh Điện Biên', 51],
  ['12', 'Tỉnh Lai Châu', 50],
  ['14', 'Tỉnh Sơn La', 64],
  ['15', 'Tỉnh Yên Bái', 56],
  ['17', 'Tỉnh Hòa Bình', 57],
  ['19', 'Tỉnh Thái Nguyên', 65],
  ['20', 'Tỉnh Lạng Sơn', 55],
  ['22', 'Tỉnh Quảng Ninh', 66],
  ['24', 'Tỉnh Bắc Giang', 75],
  ['25', 'Tỉnh Phú Thọ', 69],
  ['26', 'Tỉnh Vĩnh Phúc', 52],
  ['27', 'Tỉnh Bắc Ninh', 55],
  ['30', 'Tỉnh Hải Dương', 62],
  ['31', 'Thành phố Hải Phòng', 67],
  ['33', 'Tỉnh Hưng Yên', 53],
  ['34', 'Tỉnh Thái Bình', 62],
  ['35', 'Tỉnh Hà Nam', 50],
  ['36', 'Tỉnh Nam Định', 61],
  ['37', 'Tỉnh Ninh Bình', 50],
  ['38', 'Tỉnh Thanh Hóa', 85],
  ['40', 'Tỉnh Nghệ An', 83],
  ['42', 'Tỉnh Hà Tĩnh', 54],
  ['44', 'Tỉnh Quảng Bình', 50],
  ['45', 'Tỉnh Quảng Trị', 50],
  ['46', 'Tỉnh Thừa Thiên Huế', 51],
  ['48', 'Thành phố Đà Nẵng', 52],
  ['49', 'Tỉnh Quảng Nam', 57],
  ['51', 'Tỉnh Quảng Ngãi', 53],
  ['52', 'Tỉnh Bình Định', 56],
  ['54', 'Tỉnh Phú Yên', 50],
  ['56', 'Tỉnh Khánh Hòa', 53],
  ['58', 'Tỉnh Ninh Thuận', 50],
  ['60', 'Tỉnh Bình Thuận', 53],
  ['62', 'Tỉnh Kon Tum', 50],
  ['64', 'Tỉnh Gia Lai', 70],
  ['66', 'Tỉnh Đắk Lắk', 75],
  ['67', 'Tỉnh Đắk Nông', 52],
  ['68', 'Tỉnh Lâm Đồng', 65],
  ['70', 'Tỉnh Bình Phước', 50],
  ['72', 'Tỉnh Tây Ninh', 52],
  ['74', 'Tỉnh Bình Dương', 70],
  ['75', 'Tỉnh Đồng Nai', 79],
  ['77', 'Tỉnh Bà Rịa - Vũng Tàu', 52],
  ['79', 'Thành phố Hồ Chí Minh', 95],
  ['80', 'Tỉnh Long An', 59],
  ['82', 'Tỉnh Tiền Giang', 60],
  ['83', 'Tỉnh Bến Tre', 54],
  ['84', 'Tỉnh Trà Vinh', 50],
  ['86', 'Tỉnh Vĩnh Long', 50],
  ['87', 'Tỉnh Đồng Tháp', 58],
  ['89', 'Tỉnh An Giang', 62],
  ['91', 'Tỉnh Kiên Giang', 60],
  ['92', 'Thành phố Cần Thơ', 53],
  ['93', 'Tỉnh Hậu Giang', 50],
  ['94', 'Tỉnh Sóc Trăng', 52],
  ['95', 'Tỉnh Bạc Liêu', 50],
  ['96', 'Tỉnh Cà Mau', 52],
];

export const provinceBodies2023: Body[] = provinces2023.map(([code, name, hdndSeats]) => ({
  code,
  name,
  kind: 'province',
  hdndSeats,
}));

const oldName = (code: string): string => {
  const found = provinces2023.find(([c]) => c === code);
  if (!found) throw new Error(`Không có mã tỉnh cũ ${code}`);
  return found[1];
};
const oldSeats = (code: string): number => provinces2023.find(([c]) => c === code)![2];

/**
 * The 34 units from 1 July 2025 (Resolution 202/2025/QH15) with their new codes,
 * each followed by the former units' codes, the unit's own former self first.
 * The merged People's Council is made of the former councils' delegates for the
 * rest of the 2021–2026 term: seats are the sum of the former councils' seats,
 * except where the merged council's size was published (Tây Ninh 94, Đắk Lắk 111).
 */
const provinces2025: [code: string, name: string, former: string[], seats?: number][] = [
  ['01', 'Thành phố Hà Nội', ['01']],
  ['04', 'Tỉnh Cao Bằng', ['04']],
  ['08', 'Tỉnh Tuyên Quang', ['08', '02']],
  ['11', 'Tỉnh Điện Biên', ['11']],
  ['12', 'Tỉnh Lai Châu', ['12']],
  ['14', 'Tỉnh Sơn La', ['14']],
  ['15', 'Tỉnh Lào Cai', ['10', '15']],
  ['19', 'Tỉnh Thái Nguyên', ['19', '06']],
  ['20', 'Tỉnh Lạng Sơn', ['20']],
  ['22', 'Tỉnh Quảng Ninh', ['22']],
  ['24', 'Tỉnh Bắc Ninh', ['27', '24']],
  ['25', 'Tỉnh Phú Thọ', ['25', '26', '17']],
  ['31', 'Thành phố Hải Phòng', ['31', '30']],
  ['33', 'Tỉnh Hưng Yên', ['33', '34']],
  ['37', 'Tỉnh Ninh Bình', ['37', '35', '36']],
  ['38', 'Tỉnh Thanh Hóa', ['38']],
  ['40', 'Tỉnh Nghệ An', ['40']],
  ['42', 'Tỉnh Hà Tĩnh', ['42']],
  ['44', 'Tỉnh Quảng Trị', ['45', '44']],
  ['46', 'Thành phố Huế', ['46']],
  ['48', 'Thành phố Đà Nẵng', ['48', '49']],
  ['51', 'Tỉnh Quảng Ngãi', ['51', '62']],
  ['52', 'Tỉnh Gia Lai', ['64', '52']],
  ['56', 'Tỉnh Khánh Hòa', ['56', '58']],
  ['66', 'Tỉnh Đắk Lắk', ['66', '54'], 111],
  ['68', 'Tỉnh Lâm Đồng', ['68', '67', '60']],
  ['75', 'Tỉnh Đồng Nai', ['75', '70']],
  ['79', 'Thành phố Hồ Chí Minh', ['79', '74', '77']],
  ['80', 'Tỉnh Tây Ninh', ['72', '80'], 94],
  ['82', 'Tỉnh Đồng Tháp', ['87', '82']],
  ['86', 'Tỉnh Vĩnh Long', ['86', '83', '84']],
  ['91', 'Tỉnh An Giang', ['89', '91']],
  ['92', 'Thành phố Cần Thơ', ['92', '94', '93']],
  ['96', 'Tỉnh Cà Mau', ['96', '95']],
];

export const provinceBodies2025: Body[] = provinces2025.map(([code, name, former, seats]) => ({
  code,
  name,
  kind: 'province',
  formerUnits: former.map((c) => ({ code: c, name: oldName(c) })),
  hdndSeats: seats ?? former.reduce((sum, c) => sum + oldSeats(c), 0),
}));

/** Decision 876/QĐ-BNV: the 19 ministries and ministerial-level agencies scored in 2023. */
export const ministryBodies2023: Body[] = (
  [
    ['BNG', 'Bộ Ngoại giao'],
    ['BTP', 'Bộ Tư pháp'],
    ['BTC', 'Bộ Tài chính'],
    ['BCT', 'Bộ Công Thương'],
    ['BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn'],
    ['BGTVT', 'Bộ Giao thông vận tải'],
    ['BXD', 'Bộ Xây dựng'],
    ['BTNMT', 'Bộ Tài nguyên và Môi trường'],
    ['BTTTT', 'Bộ Thông tin và Truyền thông'],
    ['BLDTBXH', 'Bộ Lao động - Thương binh và Xã hội'],
    ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['BKHCN', 'Bộ Khoa học và Công nghệ'],
    ['BGDDT', 'Bộ Giáo dục và Đào tạo'],
    ['BYT', 'Bộ Y tế'],
    ['BKHDT', 'Bộ Kế hoạch và Đầu tư'],
    ['BNV', 'Bộ Nội vụ'],
    ['NHNN', 'Ngân hàng Nhà nước Việt Nam'],
    ['TTCP', 'Thanh tra Chính phủ'],
    ['UBDT', 'Ủy ban Dân tộc'],
  ] as const
).map(([code, name]) => ({ code, name, kind: 'ministry' }));
