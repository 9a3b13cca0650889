// The 2023 round for the 19 ministries and ministerial-level agencies: five
// respondent groups, each rating the ministry (Bộ, cơ quan ngang bộ).
import { buildForm, subCriteria, type FormSpec } from './forms.js';

export const ministrySubCriteria = subCriteria([
  ['1.1', 'cd', 1.5, 'Tính sát thực tiễn, kịp thời của kế hoạch cải cách hành chính của Bộ và mức độ hoàn thành kế hoạch'],
  ['1.2', 'cd', 1.5, 'Vai trò, trách nhiệm của người đứng đầu Bộ và các đơn vị thuộc Bộ trong lãnh đạo, chỉ đạo cải cách hành chính'],
  ['1.3', 'cd', 1, 'Hiệu quả công tác kiểm tra, theo dõi, đánh giá cải cách hành chính'],
  ['1.4', 'cd', 1, 'Hiệu quả công tác thông tin, tuyên truyền và đổi mới, sáng tạo trong cải cách hành chính'],
  ['2.1', 'tc', 2, 'Chất lượng văn bản quy phạm pháp luật do Bộ ban hành hoặc chủ trì soạn thảo (tính hợp pháp, phù hợp thực tiễn, khả thi)'],
  ['2.2', 'tc', 1.5, 'Tính kịp thời trong xây dựng, ban hành văn bản quy định chi tiết và hướng dẫn thi hành'],
  ['2.3', 'tc', 1.5, 'Hiệu quả hướng dẫn, kiểm tra thi hành và rà soát, hệ thống hóa văn bản quy phạm pháp luật'],
  ['2.4', 'tc', 1, 'Mức độ tham vấn, lấy ý kiến đối tượng chịu tác động trong xây dựng chính sách, pháp luật'],
  ['3.1', 'tthc', 2, 'Chất lượng quy định thủ tục hành chính, điều kiện kinh doanh trong văn bản của Bộ; cắt giảm, đơn giản hóa'],
  ['3.2', 'tthc', 1, 'Công bố, công khai, minh bạch thủ tục hành chính'],
  ['3.3', 'tthc', 1.5, 'Giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông'],
  ['3.4', 'tthc', 1, 'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính'],
  ['4.1', 'bm', 2, 'Sắp xếp tổ chức bộ máy bên trong của Bộ tinh gọn; chức năng, nhiệm vụ rõ ràng, không chồng chéo'],
  ['4.2', 'bm', 2, 'Phân cấp, phân quyền trong quản lý ngành, lĩnh vực (giữa Bộ với địa phương và trong nội bộ Bộ)'],
  ['4.3', 'bm', 1, 'Quản lý, sử dụng biên chế và tinh giản biên chế'],
  ['5.1', 'cv', 2, 'Xác định vị trí việc làm; tuyển dụng, bố trí, bổ nhiệm công chức'],
  ['5.2', 'cv', 1.5, 'Đánh giá, xếp loại và khuyến khích, bảo vệ công chức'],
  ['5.3', 'cv', 1.5, 'Kỷ luật, kỷ cương hành chính và đạo đức công vụ'],
  ['5.4', 'cv', 1, 'Đào tạo, bồi dưỡng và năng lực của đội ngũ công chức'],
  ['6.1', 'tcc', 1.5, 'Quản lý, phân bổ, sử dụng ngân sách nhà nước và công khai tài chính'],
  ['6.2', 'tcc', 1.5, 'Cơ chế tự chủ của đơn vị sự nghiệp công lập; định mức kinh tế - kỹ thuật, giá dịch vụ sự nghiệp công, phí, lệ phí thuộc ngành, lĩnh vực'],
  ['6.3', 'tcc', 1, 'Quản lý, sử dụng tài sản công; thực hành tiết kiệm, chống lãng phí'],
  ['7.1', 'cps', 1.5, 'Ứng dụng công nghệ thông tin, văn bản điện tử trong chỉ đạo, điều hành và hoạt động của Bộ'],
  ['7.2', 'cps', 2, 'Cung cấp dịch vụ công trực tuyến và Hệ thống thông tin giải quyết thủ tục hành chính của Bộ'],
  ['7.3', 'cps', 2, 'Cơ sở dữ liệu chuyên ngành, kết nối, chia sẻ dữ liệu và chuyển đổi số ngành, lĩnh vực'],
]);

const privacy =
  'Mỗi câu hỏi, Ông/Bà chọn một phương án phù hợp nhất; chọn "Không biết / Không đánh giá" nếu không nắm được thông tin. Phiếu không ghi tên, câu trả lời chỉ được tổng hợp chung và không dùng để đánh giá cá nhân.';
const intro = (who: string, focus: string) =>
  `Để xác định Chỉ số cải cách hành chính năm 2023 của các bộ, cơ quan ngang bộ, Bộ Nội vụ trân trọng đề nghị Ông/Bà, ${who}, cho biết đánh giá của mình về kết quả cải cách hành chính năm 2023 của ${focus} (sau đây gọi chung là Bộ). ${privacy}`;

const lanhDaoVu: FormSpec = {
  code: 'phieu-lanh-dao-vu',
  title: 'Phiếu khảo sát dành cho lãnh đạo cấp vụ, cục, tổng cục thuộc Bộ',
  intro: intro('với tư cách là lãnh đạo vụ, cục, tổng cục hoặc đơn vị tương đương thuộc Bộ', 'Bộ, cơ quan ngang bộ nơi Ông/Bà công tác'),
  sections: {
    cd: [
      ['1.1', 'satThucTien', 'Kế hoạch cải cách hành chính năm 2023 của Bộ xác định nhiệm vụ, sản phẩm, thời hạn hoàn thành và đơn vị chủ trì'],
      ['1.2', 'quyetLiet', 'Sự lãnh đạo, chỉ đạo của Bộ trưởng, Thủ trưởng cơ quan ngang bộ đối với công tác cải cách hành chính', { k: false }],
      ['1.2', 'hieuQua', 'Hiệu quả của việc gắn kết quả cải cách hành chính với thi đua, khen thưởng và đánh giá người đứng đầu các đơn vị thuộc Bộ'],
      ['1.3', 'khachQuan', 'Công tác kiểm tra cải cách hành chính và đánh giá, xếp hạng kết quả cải cách hành chính của các đơn vị thuộc Bộ'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác tuyên truyền, nhân rộng sáng kiến, mô hình mới về cải cách hành chính trong Bộ'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong xây dựng, ban hành văn bản quy phạm pháp luật theo chương trình năm 2023 của Bộ, nhất là văn bản quy định chi tiết luật, nghị định'],
      ['2.1', 'tot', 'Chất lượng dự thảo văn bản quy phạm pháp luật do Bộ chủ trì soạn thảo (đánh giá tác động chính sách, thuyết minh, giải trình, tiếp thu ý kiến)'],
      ['2.4', 'thucChat', 'Việc lấy ý kiến cơ quan, tổ chức, đối tượng chịu sự tác động đối với dự thảo văn bản quy phạm pháp luật do Bộ chủ trì soạn thảo'],
      ['2.3', 'hieuQua', 'Hiệu quả công tác kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc ngành, lĩnh vực'],
    ],
    tthc: [
      ['3.1', 'hieuQua', 'Việc đánh giá tác động thủ tục hành chính trong dự thảo văn bản và cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh thuộc phạm vi quản lý của Bộ'],
      ['3.2', 'dayDu', 'Việc công bố, công khai thủ tục hành chính thuộc phạm vi quản lý của Bộ trên Cơ sở dữ liệu quốc gia về thủ tục hành chính'],
      ['3.3', 'tot', 'Việc giải quyết thủ tục hành chính tại Bộ phận Một cửa của Bộ và các đơn vị trực thuộc'],
      ['3.4', 'thoaDang', 'Việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính thuộc phạm vi quản lý của Bộ'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ của các vụ, cục, tổng cục và đơn vị thuộc Bộ'],
      ['4.1', 'phuHop', 'Việc sắp xếp, kiện toàn tổ chức bên trong các vụ, cục, tổng cục, giảm đầu mối phòng, chi cục'],
      ['4.2', 'phuHop', 'Việc phân cấp, phân quyền cho địa phương và trong nội bộ Bộ đối với các lĩnh vực thuộc phạm vi quản lý của Bộ'],
      ['4.3', 'phuHop', 'Việc giao, quản lý biên chế và thực hiện tinh giản biên chế của Bộ'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Việc xác định vị trí việc làm, cơ cấu ngạch công chức và bố trí công chức theo vị trí việc làm trong Bộ'],
      ['5.1', 'congKhai', 'Mức độ công khai, minh bạch trong tuyển dụng, bổ nhiệm, điều động công chức của Bộ'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại chất lượng công chức hằng năm gắn với kết quả thực hiện nhiệm vụ'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính, đạo đức công vụ trong Bộ'],
      ['5.4', 'phuHop', 'Công tác đào tạo, bồi dưỡng công chức theo yêu cầu vị trí việc làm'],
    ],
    tcc: [
      ['6.1', 'kipThoi', 'Việc giao dự toán, phân bổ và cấp phát kinh phí ngân sách cho các đơn vị thuộc Bộ'],
      ['6.2', 'tuChu', 'Việc giao quyền tự chủ tài chính và thực hiện cơ chế tự chủ của các đơn vị sự nghiệp công lập thuộc Bộ'],
      ['6.3', 'tietKiem', 'Việc quản lý, sử dụng tài sản công và thực hành tiết kiệm, chống lãng phí trong Bộ'],
    ],
    cps: [
      ['7.1', 'hieuQua', 'Hiệu quả của hệ thống quản lý văn bản và điều hành, chữ ký số, văn bản điện tử trong Bộ'],
      ['7.2', 'tot', 'Chất lượng Cổng dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính của Bộ'],
      ['7.3', 'hieuQua', 'Hiệu quả xây dựng, cập nhật cơ sở dữ liệu chuyên ngành và kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia'],
    ],
  },
};

const lanhDaoSo: FormSpec = {
  code: 'phieu-lanh-dao-so',
  title: 'Phiếu khảo sát dành cho lãnh đạo cơ quan chuyên môn cấp tỉnh thuộc ngành, lĩnh vực',
  intro: intro(
    'với tư cách là lãnh đạo cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh',
    'Bộ, cơ quan ngang bộ quản lý ngành, lĩnh vực của cơ quan Ông/Bà, trên cơ sở thực tiễn quan hệ công tác giữa Bộ với địa phương',
  ),
  sections: {
    cd: [
      ['1.1', 'kipThoi', 'Việc Bộ hướng dẫn, đôn đốc các địa phương triển khai các nhiệm vụ cải cách hành chính thuộc ngành, lĩnh vực'],
      ['1.2', 'quanTam', 'Sự quan tâm chỉ đạo của lãnh đạo Bộ đối với cải cách hành chính trong ngành, lĩnh vực'],
      ['1.3', 'hieuQua', 'Hiệu quả công tác kiểm tra, hướng dẫn nghiệp vụ của Bộ đối với địa phương'],
      ['1.4', 'hieuQua', 'Hiệu quả thông tin, phổ biến chính sách, pháp luật và thủ tục hành chính mới của ngành đến địa phương'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành thông tư, văn bản hướng dẫn thi hành luật, nghị định thuộc ngành, lĩnh vực'],
      ['2.1', 'khaThi', 'Tính phù hợp với thực tiễn địa phương và tính khả thi của các văn bản quy phạm pháp luật do Bộ ban hành'],
      ['2.1', 'dongBo', 'Tính đồng bộ, thống nhất giữa văn bản của Bộ với văn bản của các bộ, ngành khác có liên quan'],
      ['2.4', 'thucChat', 'Việc Bộ lấy ý kiến địa phương khi xây dựng văn bản quy phạm pháp luật thuộc ngành, lĩnh vực'],
      ['2.3', 'kipThoi', 'Việc Bộ trả lời, hướng dẫn các vướng mắc của địa phương trong áp dụng pháp luật chuyên ngành'],
    ],
    tthc: [
      ['3.1', 'caiThien', 'Kết quả cắt giảm, đơn giản hóa thủ tục hành chính thuộc ngành, lĩnh vực do Bộ quy định và được giải quyết tại địa phương'],
      ['3.2', 'dayDu', 'Việc Bộ công bố, cập nhật thủ tục hành chính của ngành để địa phương công khai và thực hiện'],
      ['3.3', 'tot', 'Việc phối hợp giữa Bộ và địa phương trong giải quyết thủ tục hành chính liên thông giữa cấp trung ương và cấp tỉnh'],
      ['3.4', 'thoaDang', 'Việc Bộ tiếp nhận, xử lý phản ánh, kiến nghị của địa phương về quy định hành chính thuộc ngành, lĩnh vực'],
    ],
    bm: [
      ['4.1', 'roRang', 'Hướng dẫn của Bộ về chức năng, nhiệm vụ, quyền hạn của cơ quan chuyên môn cấp tỉnh thuộc ngành, lĩnh vực'],
      ['4.2', 'nguonLuc', 'Việc Bộ phân cấp, phân quyền cho địa phương trong quản lý ngành, lĩnh vực'],
      ['4.3', 'phuHop', 'Hướng dẫn của Bộ về định mức biên chế, số lượng người làm việc của ngành tại địa phương'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Hướng dẫn của Bộ về vị trí việc làm chuyên ngành, tiêu chuẩn chức danh công chức, viên chức của ngành'],
      ['5.4', 'hieuQua', 'Hiệu quả các chương trình đào tạo, bồi dưỡng chuyên môn, nghiệp vụ do Bộ tổ chức cho công chức địa phương'],
      ['5.3', 'tot', 'Tinh thần, thái độ, trách nhiệm của công chức Bộ khi làm việc, phối hợp với địa phương'],
      ['5.3', 'tinhTrang', 'Tình trạng chậm trả lời, đùn đẩy trách nhiệm giữa các đơn vị thuộc Bộ khi địa phương xin ý kiến'],
    ],
    tcc: [
      ['6.1', 'phuHop', 'Việc phân bổ, hướng dẫn sử dụng kinh phí Trung ương hỗ trợ và kinh phí các chương trình mục tiêu thuộc ngành cho địa phương'],
      ['6.2', 'kipThoi', 'Việc ban hành định mức kinh tế - kỹ thuật, giá dịch vụ sự nghiệp công thuộc ngành làm căn cứ để địa phương giao nhiệm vụ, đặt hàng'],
      ['6.2', 'phuHop', 'Hướng dẫn của Bộ về cơ chế tự chủ của các đơn vị sự nghiệp công lập thuộc ngành, lĩnh vực ở địa phương'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc gửi, nhận văn bản điện tử và tổ chức hội nghị trực tuyến giữa Bộ và địa phương'],
      ['7.2', 'tot', 'Chất lượng dịch vụ công trực tuyến do Bộ cung cấp cho người dân, doanh nghiệp ở địa phương'],
      ['7.3', 'hieuQua', 'Hiệu quả của cơ sở dữ liệu, hệ thống thông tin chuyên ngành do Bộ xây dựng, kết nối, chia sẻ dữ liệu với địa phương'],
      ['7.3', 'tinhTrang', 'Tình trạng địa phương phải nhập một dữ liệu nhiều lần trên các phần mềm, hệ thống thông tin khác nhau của Bộ'],
    ],
  },
};

const lanhDaoPhong: FormSpec = {
  code: 'phieu-lanh-dao-phong',
  title: 'Phiếu khảo sát dành cho lãnh đạo phòng thuộc vụ, cục, tổng cục',
  intro: intro(
    'với tư cách là Trưởng phòng, Phó Trưởng phòng hoặc tương đương thuộc vụ, cục, tổng cục',
    'Bộ, cơ quan ngang bộ nơi Ông/Bà công tác, qua thực tiễn công việc hằng ngày',
  ),
  sections: {
    cd: [
      ['1.1', 'roRang', 'Mức độ rõ ràng, hợp lý của nhiệm vụ cải cách hành chính được phân công cho đơn vị, phòng nơi Ông/Bà công tác theo kế hoạch cải cách hành chính của Bộ'],
      ['1.2', 'quyetLiet', 'Sự quan tâm chỉ đạo của lãnh đạo Bộ và lãnh đạo đơn vị nơi Ông/Bà công tác đối với cải cách hành chính', { k: false }],
      ['1.3', 'hieuQua', 'Hiệu quả của việc theo dõi, đôn đốc và chế độ báo cáo cải cách hành chính định kỳ (thực chất, không trùng lặp)'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác phổ biến, tuyên truyền về cải cách hành chính trong nội bộ đơn vị'],
    ],
    tc: [
      ['2.1', 'tot', 'Quy trình soạn thảo, thẩm định văn bản quy phạm pháp luật của Bộ (phân công rõ trách nhiệm, đủ thời gian nghiên cứu, góp ý)'],
      ['2.2', 'kipThoi', 'Mức độ kịp thời của việc xây dựng văn bản quy định chi tiết so với thời hạn được giao'],
      ['2.4', 'thucChat', 'Việc lấy ý kiến, tham vấn chính sách trong quá trình soạn thảo văn bản mà phòng Ông/Bà tham gia'],
      ['2.3', 'hieuQua', 'Hiệu quả theo dõi tình hình thi hành pháp luật, phát hiện và kiến nghị xử lý quy định chồng chéo, bất cập'],
    ],
    tthc: [
      ['3.1', 'caiThien', 'Kết quả cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh trong lĩnh vực đơn vị Ông/Bà phụ trách'],
      ['3.2', 'congKhai', 'Việc công khai quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính tại đơn vị'],
      ['3.3', 'tot', 'Sự phối hợp giữa Bộ phận Một cửa và các phòng chuyên môn trong tiếp nhận, chuyển hồ sơ, trả kết quả'],
      ['3.3', 'tinhTrang', 'Tình trạng hồ sơ thủ tục hành chính giải quyết trễ hạn tại Bộ'],
      ['3.4', 'thoaDang', 'Việc xử lý phản ánh, kiến nghị của người dân, doanh nghiệp được chuyển đến đơn vị nơi Ông/Bà công tác'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ của các phòng thuộc đơn vị nơi Ông/Bà công tác'],
      ['4.2', 'phuHop', 'Mức độ phân cấp, ủy quyền giải quyết công việc trong nội bộ Bộ, giúp giảm khâu trung gian'],
      ['4.3', 'phuHop', 'Số lượng công chức được bố trí so với khối lượng công việc của phòng'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Bản mô tả công việc, khung năng lực vị trí việc làm và việc bố trí công chức theo vị trí việc làm'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại chất lượng công chức hằng năm', { k: false }],
      ['5.2', 'hieuQua', 'Cơ chế khuyến khích, bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm vì lợi ích chung'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính, giờ giấc làm việc và văn hóa công sở'],
      ['5.4', 'hieuQua', 'Hiệu quả các khóa đào tạo, bồi dưỡng chuyên môn, nghiệp vụ mà công chức được cử tham gia'],
    ],
    tcc: [
      ['6.1', 'congKhai', 'Việc công khai dự toán, quyết toán ngân sách trong đơn vị'],
      ['6.3', 'tietKiem', 'Việc thực hành tiết kiệm chi thường xuyên, mua sắm và sử dụng tài sản công tại đơn vị'],
      ['6.2', 'tuChu', 'Việc thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập thuộc Bộ'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc xử lý văn bản, hồ sơ công việc trên môi trường mạng và sử dụng chữ ký số tại đơn vị', { k: false }],
      ['7.2', 'thuanTien', 'Mức độ thuận tiện của Hệ thống thông tin giải quyết thủ tục hành chính của Bộ đối với công chức tiếp nhận, xử lý hồ sơ'],
      ['7.3', 'hieuQua', 'Hiệu quả khai thác cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành trong xử lý công việc'],
    ],
  },
};

const canBoCchc: FormSpec = {
  code: 'phieu-can-bo-cchc',
  title: 'Phiếu khảo sát dành cho công chức phụ trách công tác cải cách hành chính',
  intro: intro(
    'với tư cách là công chức trực tiếp tham mưu, theo dõi công tác cải cách hành chính tại đơn vị',
    'Bộ, cơ quan ngang bộ nơi Ông/Bà công tác',
  ),
  sections: {
    cd: [
      ['1.1', 'satThucTien', 'Kế hoạch cải cách hành chính năm 2023 của Bộ và của đơn vị nơi Ông/Bà công tác'],
      ['1.1', 'tot', 'Mức độ hoàn thành các nhiệm vụ, sản phẩm trong kế hoạch cải cách hành chính năm 2023 của Bộ'],
      ['1.2', 'quyetLiet', 'Sự quan tâm, chỉ đạo của lãnh đạo đơn vị đối với nhiệm vụ cải cách hành chính và đối với công chức làm công tác cải cách hành chính', { k: false }],
      ['1.3', 'hieuQua', 'Hiệu quả hướng dẫn nghiệp vụ, tập huấn của Bộ về tự đánh giá, chấm điểm Chỉ số cải cách hành chính'],
      ['1.3', 'khachQuan', 'Việc kiểm tra, thẩm định kết quả tự đánh giá cải cách hành chính của các đơn vị thuộc Bộ'],
      ['1.4', 'hieuQua', 'Hiệu quả áp dụng, nhân rộng các sáng kiến, mô hình cải cách hành chính trong Bộ'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành văn bản quy định chi tiết, hướng dẫn thi hành thuộc trách nhiệm của Bộ'],
      ['2.4', 'thucChat', 'Việc tham vấn, lấy ý kiến đối tượng chịu tác động trong quá trình xây dựng chính sách, pháp luật của Bộ'],
      ['2.3', 'hieuQua', 'Hiệu quả công tác theo dõi tình hình thi hành pháp luật và rà soát, hệ thống hóa văn bản của Bộ'],
    ],
    tthc: [
      ['3.1', 'khachQuan', 'Việc đánh giá tác động thủ tục hành chính trong hồ sơ dự thảo văn bản quy phạm pháp luật của Bộ'],
      ['3.2', 'dayDu', 'Việc công bố, cập nhật, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính'],
      ['3.3', 'tot', 'Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa của Bộ'],
      ['3.4', 'thoaDang', 'Việc tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính thuộc phạm vi quản lý của Bộ'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ của các đơn vị thuộc Bộ (không chồng chéo, bỏ sót nhiệm vụ)'],
      ['4.2', 'phuHop', 'Việc phân cấp, ủy quyền giải quyết công việc giữa lãnh đạo Bộ với các đơn vị thuộc Bộ'],
      ['4.3', 'tot', 'Việc thực hiện tinh giản biên chế gắn với đề án vị trí việc làm'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Việc xây dựng, điều chỉnh đề án vị trí việc làm và bố trí công chức theo vị trí việc làm'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại chất lượng công chức hằng năm'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính trong Bộ'],
      ['5.4', 'hieuQua', 'Hiệu quả bồi dưỡng chuyên sâu về nghiệp vụ cải cách hành chính, kiểm soát thủ tục hành chính cho công chức làm công tác này'],
    ],
    tcc: [
      ['6.1', 'congKhai', 'Việc công khai dự toán, quyết toán ngân sách của Bộ và các đơn vị thuộc Bộ'],
      ['6.2', 'tuChu', 'Việc thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập thuộc Bộ'],
      ['6.3', 'tietKiem', 'Việc quản lý, sử dụng tài sản công và thực hành tiết kiệm, chống lãng phí trong Bộ'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc xử lý hồ sơ công việc trên môi trường mạng và sử dụng văn bản điện tử, chữ ký số trong Bộ', { k: false }],
      ['7.2', 'hieuQua', 'Hiệu quả cung cấp dịch vụ công trực tuyến toàn trình của Bộ (tỷ lệ hồ sơ trực tuyến, thanh toán trực tuyến)'],
      ['7.3', 'hieuQua', 'Hiệu quả kết nối, chia sẻ dữ liệu giữa Hệ thống thông tin giải quyết thủ tục hành chính của Bộ với các cơ sở dữ liệu quốc gia'],
      ['7.3', 'anToan', 'Mức độ bảo đảm an toàn thông tin mạng của các hệ thống thông tin của Bộ'],
    ],
  },
};

const hiepHoi: FormSpec = {
  code: 'phieu-hiep-hoi',
  title: 'Phiếu khảo sát dành cho lãnh đạo hội, hiệp hội thuộc lĩnh vực quản lý của Bộ',
  intro: intro(
    'với tư cách là lãnh đạo (hoặc lãnh đạo văn phòng, ban chuyên môn) của hội, hiệp hội hoạt động trong ngành, lĩnh vực do Bộ quản lý',
    'Bộ, cơ quan ngang bộ quản lý ngành, lĩnh vực hoạt động của hội, hiệp hội, từ góc nhìn của hội viên, doanh nghiệp và người dân',
  ),
  sections: {
    cd: [
      ['1.1', 'caiThien', 'Mức độ chuyển biến trong cải cách hành chính của Bộ năm 2023 mà hội viên, doanh nghiệp cảm nhận được'],
      ['1.2', 'quanTam', 'Sự quan tâm của lãnh đạo Bộ trong đối thoại, lắng nghe ý kiến của hội, hiệp hội, doanh nghiệp về cải cách hành chính'],
      ['1.4', 'dayDu', 'Việc Bộ thông tin về chính sách, quy định và thủ tục hành chính mới đến hội, hiệp hội và doanh nghiệp'],
    ],
    tc: [
      ['2.4', 'thucChat', 'Việc Bộ lấy ý kiến hội, hiệp hội, doanh nghiệp đối với dự thảo văn bản quy phạm pháp luật'],
      ['2.4', 'tiepThuGopY', 'Mức độ Bộ tiếp thu, giải trình ý kiến góp ý của hội, hiệp hội đối với dự thảo văn bản'],
      ['2.1', 'khaThi', 'Tính phù hợp với thực tiễn sản xuất, kinh doanh và tính khả thi của các văn bản quy phạm pháp luật do Bộ ban hành'],
      ['2.1', 'dongBo', 'Tính ổn định, đồng bộ, thống nhất của chính sách, pháp luật thuộc ngành, lĩnh vực do Bộ quản lý'],
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành văn bản hướng dẫn thi hành luật, nghị định thuộc ngành, lĩnh vực'],
    ],
    tthc: [
      ['3.1', 'caiThien', 'Mức độ cắt giảm, đơn giản hóa thủ tục hành chính và điều kiện kinh doanh thuộc phạm vi quản lý của Bộ'],
      ['3.2', 'congKhai', 'Mức độ công khai, minh bạch thủ tục hành chính (hồ sơ, trình tự, thời hạn, phí, lệ phí) do Bộ giải quyết'],
      ['3.3', 'tot', 'Chất lượng giải quyết thủ tục hành chính của Bộ đối với hội viên, doanh nghiệp'],
      ['3.3', 'tinhTrang', 'Tình trạng hồ sơ thủ tục hành chính của hội viên, doanh nghiệp bị giải quyết trễ hạn tại Bộ'],
      ['3.4', 'thoaDang', 'Việc Bộ tiếp nhận, xử lý phản ánh, kiến nghị của hội, hiệp hội và doanh nghiệp'],
    ],
    bm: [
      ['4.1', 'roRang', 'Sự phân định trách nhiệm giữa các đơn vị thuộc Bộ, giữa Bộ với các bộ, ngành khác, giúp doanh nghiệp biết rõ đầu mối giải quyết công việc'],
      ['4.2', 'phuHop', 'Việc phân cấp cho địa phương giải quyết các thủ tục hành chính thuộc ngành, lĩnh vực'],
      ['4.2', 'phuHop', 'Việc Bộ chuyển giao cho hội, hiệp hội, tổ chức xã hội thực hiện một số nhiệm vụ, dịch vụ công phù hợp'],
    ],
    cv: [
      ['5.3', 'tot', 'Tinh thần, thái độ phục vụ của công chức Bộ khi hướng dẫn, giải quyết công việc cho hội viên, doanh nghiệp'],
      ['5.3', 'tinhTrang', 'Tình trạng nhũng nhiễu, gây phiền hà, yêu cầu giấy tờ ngoài quy định của công chức Bộ'],
      ['5.4', 'dapUng', 'Năng lực chuyên môn của công chức Bộ khi hướng dẫn, giải quyết công việc'],
    ],
    tcc: [
      ['6.2', 'congKhai', 'Mức độ công khai, minh bạch phí, lệ phí và giá dịch vụ sự nghiệp công thuộc ngành, lĩnh vực do Bộ quản lý'],
      ['6.2', 'phuHop', 'Mức phí, lệ phí và giá dịch vụ sự nghiệp công thuộc ngành, lĩnh vực do Bộ quản lý'],
    ],
    cps: [
      ['7.1', 'dayDu', 'Việc cập nhật thông tin, văn bản, dự thảo văn bản trên Cổng thông tin điện tử của Bộ'],
      ['7.2', 'thuanTien', 'Mức độ thuận tiện khi sử dụng dịch vụ công trực tuyến của Bộ'],
      ['7.3', 'hieuQua', 'Việc kết nối, chia sẻ dữ liệu giúp doanh nghiệp không phải nộp lại giấy tờ, thông tin đã có trong cơ sở dữ liệu'],
    ],
  },
};

export const ministryForms2023 = [lanhDaoVu, lanhDaoSo, lanhDaoPhong, canBoCchc, hiepHoi].map(buildForm);

export const ministryGroups2023 = [
  {
    code: 'lanh_dao_vu',
    name: 'Lãnh đạo cấp vụ, cục, tổng cục thuộc Bộ',
    description: 'Vụ trưởng, Cục trưởng, Tổng cục trưởng, Chánh Văn phòng, Chánh Thanh tra Bộ và cấp phó, lãnh đạo các đơn vị tương đương thuộc Bộ.',
    priority: 1,
    form: 'phieu-lanh-dao-vu',
  },
  {
    code: 'lanh_dao_so',
    name: 'Lãnh đạo cơ quan chuyên môn cấp tỉnh thuộc ngành, lĩnh vực',
    description: 'Giám đốc, Phó Giám đốc sở và tương đương của các tỉnh, thành phố thuộc ngành, lĩnh vực do Bộ quản lý; đánh giá Bộ quản lý ngành.',
    priority: 2,
    form: 'phieu-lanh-dao-so',
  },
  {
    code: 'lanh_dao_phong',
    name: 'Lãnh đạo phòng thuộc vụ, cục, tổng cục',
    description: 'Trưởng phòng, Phó Trưởng phòng và tương đương thuộc các vụ, cục, tổng cục và đơn vị thuộc Bộ.',
    priority: 3,
    form: 'phieu-lanh-dao-phong',
  },
  {
    code: 'can_bo_cchc',
    name: 'Công chức phụ trách công tác cải cách hành chính',
    description: 'Công chức trực tiếp tham mưu, theo dõi công tác cải cách hành chính tại các đơn vị thuộc Bộ; mỗi đơn vị tối đa 2 người.',
    priority: 4,
    form: 'phieu-can-bo-cchc',
    perOrganisationLimit: 2,
  },
  {
    code: 'hiep_hoi',
    name: 'Lãnh đạo hội, hiệp hội thuộc lĩnh vực quản lý của Bộ',
    description:
      'Lãnh đạo tối đa 5 hội, hiệp hội hoạt động trong ngành, lĩnh vực do Bộ quản lý. Trường hợp lãnh đạo hội, hiệp hội không thể trả lời thì lãnh đạo văn phòng hoặc lãnh đạo ban chuyên môn của hội, hiệp hội trả lời thay.',
    priority: 5,
    form: 'phieu-hiep-hoi',
    maxOrganisations: 5,
  },
];
