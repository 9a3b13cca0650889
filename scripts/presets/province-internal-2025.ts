// A province's own round (example: Quảng Ninh, 2025): respondents rate several
// units in one grid. Delegates and commune leaders rate every department;
// department leaders rate every commune. Grid forms are kept short because each
// is answered once per rated unit.
import { buildForm, subCriteria, type FormSpec } from './forms.js';

export const internalSubCriteria = subCriteria([
  ['1.1', 'cd', 4, 'Sự lãnh đạo, chỉ đạo, điều hành cải cách hành chính của người đứng đầu'],
  ['2.1', 'tc', 4, 'Chất lượng tham mưu, ban hành và tổ chức thực hiện văn bản'],
  ['3.1', 'tthc', 5, 'Giải quyết thủ tục hành chính đúng hạn, công khai, minh bạch'],
  ['3.2', 'tthc', 3, 'Phối hợp giải quyết công việc, thủ tục hành chính liên thông và xử lý phản ánh, kiến nghị'],
  ['4.1', 'bm', 3, 'Thực hiện chức năng, nhiệm vụ và các nhiệm vụ được phân cấp, ủy quyền'],
  ['5.1', 'cv', 4, 'Tinh thần, thái độ, trách nhiệm và năng lực của cán bộ, công chức'],
  ['6.1', 'tcc', 2, 'Quản lý, sử dụng ngân sách và tài sản công'],
  ['7.1', 'cps', 5, 'Ứng dụng công nghệ thông tin, dịch vụ công trực tuyến và chuyển đổi số'],
]);

const grid =
  'Phiếu gồm một bảng: mỗi câu hỏi được trả lời cho từng đơn vị trong danh sách. Với đơn vị Ông/Bà không có thông tin hoặc ít phối hợp công tác, xin chọn "Không biết / Không đánh giá". Phiếu không ghi tên và chỉ được tổng hợp chung.';

const hdndSo: FormSpec = {
  code: 'phieu-hdnd-so',
  title: 'Phiếu đánh giá các sở, ngành dành cho đại biểu Hội đồng nhân dân tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025 của các sở, ngành, Ủy ban nhân dân tỉnh trân trọng đề nghị Ông/Bà cho biết đánh giá của mình về từng sở, ngành, trên cơ sở hoạt động giám sát, thẩm tra, tiếp xúc cử tri. ' +
    grid,
  ratedUnits: 'units',
  unitKind: 'so',
  sections: {
    cd: [
      ['1.1', 'quyetLiet', 'Sự chỉ đạo, điều hành cải cách hành chính của người đứng đầu cơ quan'],
      ['1.1', 'tiepThu', 'Mức độ tiếp thu, khắc phục các kiến nghị qua giám sát, chất vấn của Hội đồng nhân dân tỉnh'],
    ],
    tc: [['2.1', 'tot', 'Chất lượng tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh các nghị quyết thuộc ngành, lĩnh vực']],
    tthc: [
      ['3.1', 'tot', 'Kết quả giải quyết thủ tục hành chính thuộc thẩm quyền của cơ quan (đúng hạn, công khai, minh bạch)'],
      ['3.1', 'tinhTrang', 'Theo phản ánh của cử tri, tình trạng gây phiền hà, yêu cầu giấy tờ ngoài quy định khi giải quyết thủ tục hành chính'],
      ['3.2', 'thoaDang', 'Việc trả lời, giải quyết kiến nghị của cử tri thuộc ngành, lĩnh vực của cơ quan'],
    ],
    bm: [['4.1', 'tot', 'Việc thực hiện chức năng quản lý nhà nước về ngành, lĩnh vực trên địa bàn tỉnh sau sắp xếp']],
    cv: [['5.1', 'tot', 'Tinh thần, thái độ, trách nhiệm của cán bộ, công chức của cơ quan khi làm việc với đại biểu, cử tri']],
    tcc: [['6.1', 'tietKiem', 'Việc quản lý, sử dụng ngân sách, tài sản công được giao']],
    cps: [['7.1', 'hieuQua', 'Hiệu quả ứng dụng công nghệ thông tin, cung cấp dịch vụ công trực tuyến và chuyển đổi số trong ngành, lĩnh vực']],
  },
};

const xaSo: FormSpec = {
  code: 'phieu-xa-so',
  title: 'Phiếu đánh giá các sở, ngành dành cho lãnh đạo Ủy ban nhân dân cấp xã',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025 của các sở, ngành, Ủy ban nhân dân tỉnh trân trọng đề nghị Ông/Bà, với tư cách là Chủ tịch, Phó Chủ tịch Ủy ban nhân dân xã, phường, đặc khu, cho biết đánh giá của mình về từng sở, ngành qua quan hệ công tác với chính quyền cấp xã. ' +
    grid,
  ratedUnits: 'units',
  unitKind: 'so',
  sections: {
    cd: [['1.1', 'quanTam', 'Sự quan tâm chỉ đạo, hướng dẫn của lãnh đạo cơ quan đối với cấp xã trong ngành, lĩnh vực']],
    tc: [
      ['2.1', 'kipThoi', 'Mức độ kịp thời của văn bản hướng dẫn chuyên môn, nghiệp vụ của cơ quan cho cấp xã'],
      ['2.1', 'khaThi', 'Tính rõ ràng, khả thi của văn bản hướng dẫn của cơ quan đối với điều kiện của cấp xã'],
    ],
    tthc: [
      ['3.1', 'tot', 'Kết quả giải quyết thủ tục hành chính của cơ quan đối với người dân, doanh nghiệp trên địa bàn xã'],
      ['3.2', 'tot', 'Sự phối hợp giữa cơ quan và Ủy ban nhân dân cấp xã trong giải quyết thủ tục hành chính liên thông'],
      ['3.2', 'kipThoi', 'Việc cơ quan trả lời văn bản xin ý kiến, đề nghị của Ủy ban nhân dân cấp xã'],
    ],
    bm: [['4.1', 'tot', 'Việc cơ quan hướng dẫn, hỗ trợ cấp xã thực hiện các nhiệm vụ được phân cấp, ủy quyền']],
    cv: [['5.1', 'tot', 'Tinh thần, thái độ, trách nhiệm và năng lực của công chức cơ quan khi hướng dẫn, phối hợp với cấp xã']],
    tcc: [['6.1', 'kipThoi', 'Việc hướng dẫn, phân bổ kinh phí sự nghiệp thuộc ngành, lĩnh vực cho cấp xã']],
    cps: [['7.1', 'dapUng', 'Hệ thống thông tin, cơ sở dữ liệu chuyên ngành do cơ quan quản lý và việc hỗ trợ cấp xã khai thác, sử dụng']],
  },
};

const soXa: FormSpec = {
  code: 'phieu-so-xa',
  title: 'Phiếu đánh giá Ủy ban nhân dân cấp xã dành cho lãnh đạo các sở, ngành',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025 của Ủy ban nhân dân các xã, phường, đặc khu, Ủy ban nhân dân tỉnh trân trọng đề nghị Ông/Bà, với tư cách là lãnh đạo sở, ngành, cho biết đánh giá của mình về từng xã, phường, đặc khu qua quan hệ công tác trong ngành, lĩnh vực cơ quan Ông/Bà quản lý. ' +
    grid,
  ratedUnits: 'units',
  unitKind: 'xa',
  sections: {
    cd: [['1.1', 'quyetLiet', 'Sự lãnh đạo, chỉ đạo, điều hành cải cách hành chính của Chủ tịch Ủy ban nhân dân cấp xã']],
    tc: [
      ['2.1', 'tot', 'Việc tổ chức thực hiện văn bản của Trung ương và của tỉnh thuộc ngành, lĩnh vực trên địa bàn xã'],
      ['2.1', 'tot', 'Chất lượng văn bản do Hội đồng nhân dân, Ủy ban nhân dân cấp xã ban hành liên quan đến ngành, lĩnh vực'],
    ],
    tthc: [
      ['3.1', 'tot', 'Kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công cấp xã (đúng hạn, công khai, minh bạch)'],
      ['3.1', 'tinhTrang', 'Tình trạng hồ sơ thủ tục hành chính giải quyết trễ hạn hoặc phải bổ sung nhiều lần'],
      ['3.2', 'tot', 'Sự phối hợp của Ủy ban nhân dân cấp xã với cơ quan trong giải quyết thủ tục hành chính liên thông và công việc chuyên môn'],
      ['3.2', 'dayDu', 'Việc thực hiện chế độ báo cáo, cung cấp thông tin, số liệu theo yêu cầu của cơ quan'],
    ],
    bm: [['4.1', 'tot', 'Việc thực hiện các nhiệm vụ quản lý nhà nước được phân cấp, ủy quyền thuộc ngành, lĩnh vực (đất đai, xây dựng, tài nguyên, văn hóa, xã hội…)']],
    cv: [['5.1', 'dapUng', 'Năng lực chuyên môn của công chức cấp xã phụ trách ngành, lĩnh vực']],
    tcc: [['6.1', 'tietKiem', 'Việc quản lý, sử dụng kinh phí, tài sản công thuộc ngành, lĩnh vực được giao cho cấp xã']],
    cps: [['7.1', 'hieuQua', 'Hiệu quả ứng dụng công nghệ thông tin, số hóa hồ sơ và cung cấp dịch vụ công trực tuyến tại cấp xã']],
  },
};

export const internalForms2025 = [hdndSo, xaSo, soXa].map(buildForm);

export const internalGroups2025 = [
  {
    code: 'hdnd',
    name: 'Đại biểu Hội đồng nhân dân tỉnh',
    description: 'Đại biểu Hội đồng nhân dân tỉnh Quảng Ninh nhiệm kỳ 2021–2026; mỗi đại biểu đánh giá từng sở, ngành.',
    priority: 1,
    form: 'phieu-hdnd-so',
  },
  {
    code: 'lanh_dao_so',
    name: 'Lãnh đạo các sở, ngành',
    description: 'Giám đốc, Phó Giám đốc sở và tương đương; mỗi người đánh giá từng xã, phường, đặc khu.',
    priority: 2,
    form: 'phieu-so-xa',
  },
  {
    code: 'lanh_dao_xa',
    name: 'Lãnh đạo Ủy ban nhân dân cấp xã',
    description: 'Chủ tịch, Phó Chủ tịch Ủy ban nhân dân xã, phường, đặc khu; mỗi người đánh giá từng sở, ngành.',
    priority: 3,
    form: 'phieu-xa-so',
  },
];

const so: [code: string, name: string][] = [
  ['vp-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh'],
  ['so-noi-vu', 'Sở Nội vụ'],
  ['so-tai-chinh', 'Sở Tài chính'],
  ['so-tu-phap', 'Sở Tư pháp'],
  ['so-xay-dung', 'Sở Xây dựng'],
  ['so-cong-thuong', 'Sở Công Thương'],
  ['so-nong-nghiep-moi-truong', 'Sở Nông nghiệp và Môi trường'],
  ['so-khoa-hoc-cong-nghe', 'Sở Khoa học và Công nghệ'],
  ['so-giao-duc-dao-tao', 'Sở Giáo dục và Đào tạo'],
  ['so-y-te', 'Sở Y tế'],
  ['so-van-hoa-the-thao', 'Sở Văn hóa và Thể thao'],
  ['so-du-lich', 'Sở Du lịch'],
  ['so-ngoai-vu', 'Sở Ngoại vụ'],
  ['so-dan-toc-ton-giao', 'Sở Dân tộc và Tôn giáo'],
  ['thanh-tra-tinh', 'Thanh tra tỉnh'],
];

const xa: [code: string, name: string][] = [
  ['phuong-ha-long', 'Phường Hạ Long'],
  ['phuong-bai-chay', 'Phường Bãi Cháy'],
  ['phuong-cam-pha', 'Phường Cẩm Phả'],
  ['phuong-uong-bi', 'Phường Uông Bí'],
  ['phuong-mong-cai-1', 'Phường Móng Cái 1'],
  ['phuong-dong-trieu', 'Phường Đông Triều'],
  ['xa-tien-yen', 'Xã Tiên Yên'],
  ['xa-binh-lieu', 'Xã Bình Liêu'],
];

export const internalUnits2025 = [
  ...so.map(([code, name]) => ({ code, name, kind: 'so', bodyCode: '22' })),
  ...xa.map(([code, name]) => ({ code, name, kind: 'xa', bodyCode: '22' })),
];
