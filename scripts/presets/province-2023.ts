// The 2023 round for the 63 provinces (letter 7156/BNV-CCHC of 06/12/2023):
// four respondent groups, each with its own questionnaire on the province.
import { buildForm, subCriteria, type FormSpec } from './forms.js';

/** Sub-criteria of the provincial survey; shared with the 2025 round so years compare. */
export const provinceSubCriteria = subCriteria([
  ['1.1', 'cd', 1.5, 'Tính sát thực tiễn, kịp thời của kế hoạch cải cách hành chính và mức độ hoàn thành kế hoạch'],
  ['1.2', 'cd', 1.5, 'Vai trò, trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo cải cách hành chính'],
  ['1.3', 'cd', 1, 'Hiệu quả công tác kiểm tra, theo dõi, đánh giá và khắc phục tồn tại về cải cách hành chính'],
  ['1.4', 'cd', 1, 'Hiệu quả công tác thông tin, tuyên truyền và đổi mới, sáng tạo trong cải cách hành chính'],
  ['2.1', 'tc', 2, 'Chất lượng văn bản quy phạm pháp luật do địa phương ban hành (tính hợp pháp, phù hợp thực tiễn, khả thi)'],
  ['2.2', 'tc', 1.5, 'Tính kịp thời trong xây dựng, ban hành văn bản quy phạm pháp luật thuộc thẩm quyền'],
  ['2.3', 'tc', 1.5, 'Hiệu quả tổ chức thi hành, kiểm tra, rà soát và xử lý văn bản quy phạm pháp luật'],
  ['3.1', 'tthc', 1.5, 'Công khai, minh bạch thủ tục hành chính'],
  ['3.2', 'tthc', 1.5, 'Kiểm soát, rà soát, cắt giảm và đơn giản hóa thủ tục hành chính'],
  ['3.3', 'tthc', 1.5, 'Thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính'],
  ['3.4', 'tthc', 1.5, 'Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp'],
  ['4.1', 'bm', 2, 'Sắp xếp tổ chức bộ máy tinh gọn; chức năng, nhiệm vụ rõ ràng, không chồng chéo'],
  ['4.2', 'bm', 2, 'Phân cấp, phân quyền, ủy quyền trong quản lý nhà nước'],
  ['4.3', 'bm', 1.5, 'Quản lý, sử dụng biên chế và tinh giản biên chế'],
  ['5.1', 'cv', 2, 'Xác định vị trí việc làm; tuyển dụng, bố trí, bổ nhiệm cán bộ, công chức'],
  ['5.2', 'cv', 1.5, 'Đánh giá, xếp loại và khuyến khích, bảo vệ cán bộ, công chức'],
  ['5.3', 'cv', 2, 'Kỷ luật, kỷ cương hành chính và đạo đức công vụ'],
  ['5.4', 'cv', 1, 'Đào tạo, bồi dưỡng và năng lực của đội ngũ cán bộ, công chức'],
  ['6.1', 'tcc', 1.5, 'Quản lý, sử dụng ngân sách nhà nước và công khai tài chính'],
  ['6.2', 'tcc', 1.5, 'Quản lý, sử dụng tài sản công; thực hành tiết kiệm, chống lãng phí'],
  ['6.3', 'tcc', 1.5, 'Cơ chế tự chủ tài chính của cơ quan hành chính và đơn vị sự nghiệp công lập'],
  ['7.1', 'cps', 2, 'Ứng dụng công nghệ thông tin, văn bản điện tử trong chỉ đạo, điều hành và hoạt động nội bộ'],
  ['7.2', 'cps', 2, 'Cung cấp dịch vụ công trực tuyến và hệ thống thông tin giải quyết thủ tục hành chính'],
  ['7.3', 'cps', 2, 'Chuyển đổi số, kết nối, chia sẻ dữ liệu và bảo đảm an toàn thông tin'],
]);

const privacy =
  'Mỗi câu hỏi, Ông/Bà chọn một phương án phù hợp nhất; chọn "Không biết / Không đánh giá" nếu không nắm được thông tin. Phiếu không ghi tên, câu trả lời chỉ được tổng hợp chung và không dùng để đánh giá cá nhân.';

const hdnd: FormSpec = {
  code: 'phieu-hdnd',
  title: 'Phiếu khảo sát dành cho đại biểu Hội đồng nhân dân cấp tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2023, Bộ Nội vụ trân trọng đề nghị Ông/Bà cho biết đánh giá của mình về kết quả cải cách hành chính của Ủy ban nhân dân tỉnh, thành phố và các cơ quan hành chính nhà nước trên địa bàn trong năm 2023, trên cơ sở hoạt động giám sát, thẩm tra, tiếp xúc cử tri và thông tin Ông/Bà nắm được. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'kipThoi', 'Mức độ kịp thời của Ủy ban nhân dân tỉnh trong ban hành và tổ chức triển khai kế hoạch cải cách hành chính năm 2023'],
      ['1.2', 'quyetLiet', 'Sự lãnh đạo, chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh đối với công tác cải cách hành chính'],
      ['1.3', 'tiepThu', 'Mức độ Ủy ban nhân dân tỉnh tiếp thu, khắc phục các tồn tại, hạn chế về cải cách hành chính được Hội đồng nhân dân tỉnh chỉ ra qua hoạt động giám sát, chất vấn'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác thông tin, tuyên truyền về cải cách hành chính đến người dân, doanh nghiệp trên địa bàn tỉnh'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời của Ủy ban nhân dân tỉnh trong việc trình Hội đồng nhân dân tỉnh ban hành các nghị quyết quy định chi tiết luật, nghị quyết của Quốc hội và văn bản của cơ quan nhà nước cấp trên'],
      ['2.1', 'tot', 'Chất lượng hồ sơ dự thảo nghị quyết do Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh (tờ trình, báo cáo đánh giá tác động, tổng hợp, giải trình ý kiến góp ý)'],
      ['2.1', 'khaThi', 'Tính phù hợp với thực tiễn và tính khả thi của các văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành trong năm'],
      ['2.3', 'hieuQua', 'Hiệu quả tổ chức thi hành các nghị quyết của Hội đồng nhân dân tỉnh và văn bản quy phạm pháp luật của Ủy ban nhân dân tỉnh'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Mức độ công khai, minh bạch thủ tục hành chính (thành phần hồ sơ, thời hạn, phí, lệ phí) tại các cơ quan hành chính nhà nước trên địa bàn tỉnh'],
      ['3.2', 'caiThien', 'Kết quả rà soát, cắt giảm, đơn giản hóa thủ tục hành chính nhằm giảm thời gian, chi phí cho người dân, doanh nghiệp'],
      ['3.3', 'tot', 'Chất lượng giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp huyện, cấp xã'],
      ['3.3', 'tinhTrang', 'Theo phản ánh của cử tri, tình trạng hồ sơ thủ tục hành chính bị giải quyết trễ hạn hoặc bị yêu cầu bổ sung giấy tờ ngoài quy định'],
      ['3.4', 'thoaDang', 'Việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về thủ tục hành chính, kể cả kiến nghị của cử tri do Hội đồng nhân dân chuyển đến'],
    ],
    bm: [
      ['4.1', 'tinhGon', 'Mức độ tinh gọn, hợp lý của tổ chức bộ máy các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh và các đơn vị sự nghiệp công lập sau sắp xếp'],
      ['4.2', 'phuHop', 'Việc phân cấp, ủy quyền của Ủy ban nhân dân tỉnh cho các cơ quan chuyên môn và Ủy ban nhân dân cấp huyện'],
      ['4.3', 'tot', 'Việc quản lý, sử dụng biên chế và thực hiện tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức'],
    ],
    cv: [
      ['5.1', 'congKhai', 'Mức độ công khai, minh bạch, khách quan trong tuyển dụng, bổ nhiệm cán bộ, công chức của tỉnh'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính của đội ngũ cán bộ, công chức trên địa bàn tỉnh'],
      ['5.3', 'tinhTrang', 'Tình trạng né tránh, đùn đẩy trách nhiệm, sợ sai không dám làm của cán bộ, công chức trong thực thi công vụ'],
      ['5.4', 'dapUng', 'Năng lực, trình độ của đội ngũ cán bộ, công chức các cơ quan hành chính của tỉnh so với yêu cầu nhiệm vụ'],
    ],
    tcc: [
      ['6.1', 'tot', 'Chất lượng công tác lập, phân bổ dự toán ngân sách địa phương do Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh'],
      ['6.1', 'tienDo', 'Tiến độ giải ngân kế hoạch vốn đầu tư công năm 2023 của tỉnh'],
      ['6.2', 'tietKiem', 'Việc quản lý, sử dụng tài sản công, trụ sở làm việc và thực hành tiết kiệm, chống lãng phí của các cơ quan, đơn vị'],
      ['6.3', 'hieuQua', 'Hiệu quả thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập thuộc tỉnh'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc ứng dụng công nghệ thông tin trong chỉ đạo, điều hành của Ủy ban nhân dân tỉnh và phục vụ hoạt động của Hội đồng nhân dân (tài liệu kỳ họp, văn bản điện tử)'],
      ['7.2', 'hieuQua', 'Hiệu quả cung cấp dịch vụ công trực tuyến của tỉnh (số lượng hồ sơ nộp trực tuyến, thanh toán trực tuyến, mức độ người dân sử dụng)'],
      ['7.3', 'hieuQua', 'Hiệu quả triển khai chuyển đổi số, kết nối, chia sẻ dữ liệu dân cư, đất đai, doanh nghiệp giữa các cơ quan trên địa bàn tỉnh'],
    ],
  },
};

const lanhDaoSo: FormSpec = {
  code: 'phieu-lanh-dao-so',
  title: 'Phiếu khảo sát dành cho lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2023, Bộ Nội vụ trân trọng đề nghị Ông/Bà, với tư cách là lãnh đạo cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố, cho biết đánh giá của mình về kết quả cải cách hành chính của tỉnh, thành phố trong năm 2023. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'satThucTien', 'Kế hoạch cải cách hành chính năm 2023 của Ủy ban nhân dân tỉnh xác định nhiệm vụ, sản phẩm, thời hạn và cơ quan chủ trì'],
      ['1.2', 'quyetLiet', 'Sự chỉ đạo, điều hành của Chủ tịch Ủy ban nhân dân tỉnh đối với các cơ quan chuyên môn trong triển khai nhiệm vụ cải cách hành chính', { k: false }],
      ['1.2', 'hieuQua', 'Hiệu quả của việc gắn kết quả cải cách hành chính với thi đua, khen thưởng và đánh giá trách nhiệm người đứng đầu cơ quan, đơn vị'],
      ['1.3', 'khachQuan', 'Công tác kiểm tra cải cách hành chính và xác định Chỉ số cải cách hành chính của các sở, ban, ngành, Ủy ban nhân dân cấp huyện'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác tuyên truyền, nhân rộng sáng kiến, mô hình mới trong cải cách hành chính của tỉnh'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành văn bản quy phạm pháp luật của tỉnh quy định chi tiết các nội dung được luật, nghị định giao'],
      ['2.1', 'tot', 'Chất lượng thẩm định, góp ý dự thảo văn bản quy phạm pháp luật trước khi trình Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành'],
      ['2.1', 'dongBo', 'Tính đồng bộ, thống nhất của hệ thống văn bản quy phạm pháp luật do tỉnh ban hành'],
      ['2.3', 'hieuQua', 'Hiệu quả công tác tự kiểm tra, rà soát và xử lý văn bản quy phạm pháp luật trái pháp luật, không còn phù hợp'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Việc công bố, công khai danh mục thủ tục hành chính và quy trình nội bộ giải quyết thủ tục hành chính của tỉnh'],
      ['3.2', 'hieuQua', 'Hiệu quả công tác kiểm soát thủ tục hành chính, rà soát và đơn giản hóa thủ tục hành chính trên địa bàn tỉnh'],
      ['3.3', 'tot', 'Sự phối hợp giữa các sở, ngành và Ủy ban nhân dân cấp huyện trong giải quyết thủ tục hành chính liên thông'],
      ['3.4', 'thoaDang', 'Việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính trên địa bàn tỉnh'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ, cơ cấu tổ chức của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh (không chồng chéo, trùng lặp)'],
      ['4.2', 'nguonLuc', 'Việc phân cấp, ủy quyền của Ủy ban nhân dân tỉnh cho cơ quan chuyên môn và Ủy ban nhân dân cấp huyện, gắn với trách nhiệm và nguồn lực thực hiện'],
      ['4.3', 'phuHop', 'Việc giao, điều chỉnh biên chế công chức và số lượng người làm việc so với nhiệm vụ và vị trí việc làm của cơ quan, đơn vị'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Việc xây dựng, hoàn thiện vị trí việc làm và bố trí, sử dụng công chức theo vị trí việc làm'],
      ['5.1', 'congKhai', 'Mức độ công khai, minh bạch trong tuyển dụng, nâng ngạch, bổ nhiệm công chức trên địa bàn tỉnh'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại chất lượng cán bộ, công chức hằng năm gắn với kết quả thực hiện nhiệm vụ'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính, đạo đức công vụ trong các cơ quan hành chính của tỉnh'],
      ['5.4', 'phuHop', 'Công tác đào tạo, bồi dưỡng cán bộ, công chức theo yêu cầu của vị trí việc làm'],
    ],
    tcc: [
      ['6.1', 'kipThoi', 'Việc giao dự toán, phân bổ và cấp phát kinh phí ngân sách cho các cơ quan, đơn vị'],
      ['6.2', 'tietKiem', 'Việc quản lý, sử dụng tài sản công, xử lý trụ sở, tài sản dôi dư và thực hành tiết kiệm, chống lãng phí'],
      ['6.3', 'tuChu', 'Việc giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập và thực hiện cơ chế tự chủ của các đơn vị'],
    ],
    cps: [
      ['7.1', 'hieuQua', 'Hiệu quả của hệ thống quản lý văn bản và điều hành, chữ ký số, văn bản điện tử trong hoạt động của các cơ quan hành chính tỉnh'],
      ['7.2', 'tot', 'Chất lượng của Hệ thống thông tin giải quyết thủ tục hành chính và Cổng dịch vụ công của tỉnh (ổn định, dễ sử dụng, kết nối với Cổng Dịch vụ công quốc gia)'],
      ['7.3', 'hieuQua', 'Hiệu quả kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin, cơ sở dữ liệu của tỉnh với các cơ sở dữ liệu quốc gia'],
    ],
  },
};

const lanhDaoPhong: FormSpec = {
  code: 'phieu-lanh-dao-phong',
  title: 'Phiếu khảo sát dành cho lãnh đạo các phòng thuộc cơ quan chuyên môn cấp tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2023, Bộ Nội vụ trân trọng đề nghị Ông/Bà, với tư cách là Trưởng phòng, Phó Trưởng phòng thuộc cơ quan chuyên môn cấp tỉnh, cho biết đánh giá của mình về việc thực hiện cải cách hành chính của tỉnh, thành phố trong năm 2023 qua thực tiễn công việc hằng ngày. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'roRang', 'Mức độ rõ ràng, hợp lý của nhiệm vụ cải cách hành chính được phân công cho cơ quan, phòng nơi Ông/Bà công tác theo kế hoạch cải cách hành chính của tỉnh'],
      ['1.2', 'quyetLiet', 'Sự quan tâm chỉ đạo của lãnh đạo Ủy ban nhân dân tỉnh và lãnh đạo cơ quan nơi Ông/Bà công tác đối với cải cách hành chính', { k: false }],
      ['1.3', 'hieuQua', 'Hiệu quả của việc theo dõi, đôn đốc và chế độ báo cáo cải cách hành chính định kỳ (thực chất, không trùng lặp)'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác phổ biến, tuyên truyền về cải cách hành chính trong nội bộ cơ quan, đơn vị'],
    ],
    tc: [
      ['2.1', 'khaThi', 'Tính phù hợp, khả thi của các văn bản quy phạm pháp luật của tỉnh trong lĩnh vực phòng Ông/Bà tham mưu, thực hiện'],
      ['2.1', 'deApDung', 'Mức độ rõ ràng, dễ hiểu, dễ áp dụng của các văn bản quy phạm pháp luật, văn bản hướng dẫn của tỉnh'],
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong hướng dẫn triển khai các văn bản mới của Trung ương và của tỉnh'],
      ['2.3', 'hieuQua', 'Hiệu quả theo dõi tình hình thi hành pháp luật, phát hiện và kiến nghị xử lý quy định chồng chéo, vướng mắc'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính được xây dựng và công khai'],
      ['3.2', 'caiThien', 'Kết quả cắt giảm thành phần hồ sơ, rút ngắn thời gian giải quyết thủ tục hành chính trong lĩnh vực phòng Ông/Bà phụ trách'],
      ['3.3', 'tot', 'Sự phối hợp giữa Bộ phận Một cửa với các phòng chuyên môn trong tiếp nhận, chuyển hồ sơ và trả kết quả'],
      ['3.3', 'tinhTrang', 'Tình trạng hồ sơ thủ tục hành chính giải quyết trễ hạn mà không có văn bản xin lỗi người dân, tổ chức'],
      ['3.4', 'thoaDang', 'Việc xử lý các phản ánh, kiến nghị của người dân, doanh nghiệp được chuyển đến cơ quan nơi Ông/Bà công tác'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ của các phòng thuộc cơ quan nơi Ông/Bà công tác sau sắp xếp'],
      ['4.2', 'phuHop', 'Mức độ phân cấp, ủy quyền giải quyết công việc trong cơ quan, giúp rút ngắn khâu trung gian'],
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
      ['6.1', 'congKhai', 'Việc công khai dự toán, quyết toán ngân sách trong cơ quan, đơn vị'],
      ['6.2', 'tietKiem', 'Việc thực hành tiết kiệm chi thường xuyên, mua sắm và sử dụng tài sản công tại cơ quan, đơn vị'],
      ['6.3', 'phuHop', 'Quy chế chi tiêu nội bộ và cơ chế tự chủ kinh phí quản lý hành chính tại cơ quan, đơn vị'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc xử lý văn bản, hồ sơ công việc trên môi trường mạng và sử dụng chữ ký số tại cơ quan, đơn vị', { k: false }],
      ['7.2', 'thuanTien', 'Mức độ thuận tiện của Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh đối với công chức tiếp nhận, xử lý hồ sơ'],
      ['7.3', 'hieuQua', 'Việc khai thác Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu chuyên ngành để giảm giấy tờ cho người dân'],
      ['7.3', 'anToan', 'Mức độ bảo đảm an toàn thông tin mạng của các hệ thống thông tin tại cơ quan, đơn vị'],
    ],
  },
};

const lanhDaoHuyen: FormSpec = {
  code: 'phieu-lanh-dao-huyen',
  title: 'Phiếu khảo sát dành cho lãnh đạo Ủy ban nhân dân cấp huyện',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2023, Bộ Nội vụ trân trọng đề nghị Ông/Bà, với tư cách là Chủ tịch, Phó Chủ tịch Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh, cho biết đánh giá của mình về công tác cải cách hành chính của tỉnh, thành phố trong năm 2023, nhất là sự chỉ đạo, hướng dẫn, hỗ trợ của tỉnh đối với cấp huyện, cấp xã. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'kipThoi', 'Việc hướng dẫn, đôn đốc của tỉnh đối với cấp huyện trong triển khai kế hoạch cải cách hành chính năm 2023'],
      ['1.2', 'quyetLiet', 'Sự quan tâm, chỉ đạo của lãnh đạo Ủy ban nhân dân tỉnh đối với cải cách hành chính ở cấp huyện, cấp xã', { k: false }],
      ['1.3', 'hieuQua', 'Hiệu quả công tác kiểm tra cải cách hành chính của tỉnh tại cấp huyện, cấp xã (phát hiện, chấn chỉnh, hướng dẫn khắc phục)'],
      ['1.4', 'hieuQua', 'Hiệu quả của việc tỉnh hỗ trợ, nhân rộng các mô hình, sáng kiến cải cách hành chính ở cơ sở'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành văn bản quy phạm pháp luật thuộc thẩm quyền của tỉnh để cấp huyện, cấp xã có căn cứ triển khai'],
      ['2.1', 'khaThi', 'Tính phù hợp, khả thi của các văn bản quy phạm pháp luật của tỉnh đối với điều kiện thực tế ở cấp huyện, cấp xã'],
      ['2.3', 'kipThoi', 'Việc các sở, ngành hướng dẫn, giải đáp vướng mắc của cấp huyện trong áp dụng pháp luật'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Việc công khai thủ tục hành chính và hướng dẫn người dân thực hiện thủ tục hành chính ở cấp huyện, cấp xã'],
      ['3.2', 'caiThien', 'Kết quả cắt giảm, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện, cấp xã'],
      ['3.3', 'tot', 'Việc giải quyết thủ tục hành chính liên thông giữa cấp huyện với các sở, ngành (đất đai, xây dựng, đầu tư)'],
      ['3.3', 'tinhTrang', 'Tình trạng hồ sơ liên thông bị chậm ở khâu do các cơ quan cấp tỉnh giải quyết'],
      ['3.4', 'thoaDang', 'Việc các cơ quan cấp tỉnh xử lý phản ánh, kiến nghị của người dân, doanh nghiệp do cấp huyện chuyển đến'],
    ],
    bm: [
      ['4.2', 'nguonLuc', 'Việc phân cấp, ủy quyền của tỉnh cho cấp huyện, cấp xã gắn với nguồn lực và điều kiện thực hiện'],
      ['4.1', 'roRang', 'Sự phân định trách nhiệm giữa các sở chuyên ngành và các phòng chuyên môn cấp huyện trong quản lý nhà nước ngành, lĩnh vực'],
      ['4.3', 'phuHop', 'Việc giao biên chế công chức, số lượng người làm việc cho cấp huyện so với nhiệm vụ được giao'],
    ],
    cv: [
      ['5.1', 'congKhai', 'Mức độ công khai, minh bạch trong tuyển dụng, bổ nhiệm công chức trên địa bàn tỉnh'],
      ['5.1', 'phuHop', 'Việc điều động, luân chuyển, bố trí cán bộ, công chức giữa tỉnh và cấp huyện'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại chất lượng cán bộ, công chức gắn với kết quả, sản phẩm công việc'],
      ['5.3', 'tot', 'Tinh thần, thái độ, trách nhiệm của công chức các sở, ngành khi phối hợp, hướng dẫn cấp huyện'],
      ['5.4', 'hieuQua', 'Hiệu quả công tác đào tạo, bồi dưỡng cán bộ, công chức cấp huyện, cấp xã do tỉnh tổ chức'],
    ],
    tcc: [
      ['6.1', 'phuHop', 'Việc phân cấp nguồn thu, nhiệm vụ chi ngân sách giữa tỉnh và cấp huyện, cấp xã'],
      ['6.1', 'kipThoi', 'Việc giao dự toán, bổ sung ngân sách và phân bổ vốn đầu tư công cho cấp huyện'],
      ['6.2', 'tietKiem', 'Việc quản lý, sử dụng tài sản công và thực hành tiết kiệm, chống lãng phí trên địa bàn'],
      ['6.3', 'tuChu', 'Việc thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập cấp huyện (giáo dục, y tế, văn hóa, dịch vụ công)'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc liên thông văn bản điện tử giữa các cơ quan cấp tỉnh, cấp huyện và cấp xã', { k: false }],
      ['7.2', 'hieuQua', 'Hiệu quả cung cấp dịch vụ công trực tuyến tại cấp huyện, cấp xã'],
      ['7.3', 'dapUng', 'Hạ tầng công nghệ thông tin, nền tảng số và hỗ trợ kỹ thuật của tỉnh đối với cấp huyện, cấp xã'],
    ],
  },
};

export const provinceForms2023 = [hdnd, lanhDaoSo, lanhDaoPhong, lanhDaoHuyen].map(buildForm);

export const provinceGroups2023 = [
  {
    code: 'hdnd',
    name: 'Đại biểu Hội đồng nhân dân cấp tỉnh',
    description: 'Toàn bộ đại biểu Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương nhiệm kỳ 2021–2026.',
    priority: 1,
    form: 'phieu-hdnd',
  },
  {
    code: 'lanh_dao_so',
    name: 'Lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh',
    description: 'Giám đốc, Phó Giám đốc sở và tương đương (Chánh Văn phòng, Chánh Thanh tra, Trưởng Ban và cấp phó).',
    priority: 2,
    form: 'phieu-lanh-dao-so',
  },
  {
    code: 'lanh_dao_phong',
    name: 'Lãnh đạo các phòng thuộc cơ quan chuyên môn cấp tỉnh',
    description: 'Trưởng phòng, Phó Trưởng phòng và tương đương thuộc các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh.',
    priority: 3,
    form: 'phieu-lanh-dao-phong',
  },
  {
    code: 'lanh_dao_huyen',
    name: 'Lãnh đạo Ủy ban nhân dân cấp huyện',
    description: 'Chủ tịch, Phó Chủ tịch Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh, thành phố thuộc thành phố trực thuộc Trung ương.',
    priority: 4,
    form: 'phieu-lanh-dao-huyen',
  },
];
