// The 2025 round for the 34 provincial units in place from 1 July 2025. Local
// government has two tiers (province and commune): the district leaders' group
// gives way to commune leaders, and the questions follow the year's reforms
// (reorganised departments, powers devolved to communes, procedures handled
// regardless of administrative boundaries). Sub-criteria are those of 2023.
import { buildForm, type FormSpec } from './forms.js';

const privacy =
  'Mỗi câu hỏi, Ông/Bà chọn một phương án phù hợp nhất; chọn "Không biết / Không đánh giá" nếu không nắm được thông tin. Phiếu không ghi tên, câu trả lời chỉ được tổng hợp chung và không dùng để đánh giá cá nhân.';

const hdnd: FormSpec = {
  code: 'phieu-hdnd',
  title: 'Phiếu khảo sát dành cho đại biểu Hội đồng nhân dân cấp tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025, Bộ Nội vụ trân trọng đề nghị Ông/Bà cho biết đánh giá của mình về kết quả cải cách hành chính của Ủy ban nhân dân tỉnh, thành phố và các cơ quan hành chính nhà nước trên địa bàn trong năm 2025, năm thực hiện sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, trên cơ sở hoạt động giám sát, tiếp xúc cử tri và thông tin Ông/Bà nắm được. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'kipThoi', 'Mức độ kịp thời của Ủy ban nhân dân tỉnh trong ban hành, điều chỉnh kế hoạch cải cách hành chính năm 2025 phù hợp với việc sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp'],
      ['1.2', 'quyetLiet', 'Sự lãnh đạo, chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh đối với cải cách hành chính, nhất là trong thời gian đầu vận hành chính quyền địa phương hai cấp'],
      ['1.3', 'tiepThu', 'Mức độ Ủy ban nhân dân tỉnh tiếp thu, khắc phục các tồn tại, hạn chế về cải cách hành chính được Hội đồng nhân dân tỉnh chỉ ra qua hoạt động giám sát, chất vấn'],
      ['1.4', 'hieuQua', 'Hiệu quả thông tin, tuyên truyền đến người dân, doanh nghiệp về tổ chức bộ máy mới, địa điểm và cách thức giải quyết thủ tục hành chính sau sắp xếp'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời của Ủy ban nhân dân tỉnh trong trình Hội đồng nhân dân tỉnh ban hành các nghị quyết thực hiện phân cấp, phân quyền và bảo đảm hoạt động thông suốt của bộ máy sau sắp xếp'],
      ['2.1', 'tot', 'Chất lượng hồ sơ dự thảo nghị quyết do Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh (tờ trình, báo cáo đánh giá tác động, tổng hợp, giải trình ý kiến góp ý)'],
      ['2.1', 'khaThi', 'Tính phù hợp với thực tiễn và tính khả thi của các văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành trong năm'],
      ['2.3', 'hieuQua', 'Việc rà soát, xử lý văn bản quy phạm pháp luật do chính quyền địa phương ban hành trước khi sắp xếp (kể cả văn bản của cấp huyện), bảo đảm không gián đoạn, không có khoảng trống pháp lý'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Mức độ công khai, minh bạch thủ tục hành chính, địa điểm tiếp nhận và kết quả giải quyết hồ sơ trên địa bàn tỉnh sau sắp xếp'],
      ['3.2', 'caiThien', 'Kết quả cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh nhằm giảm thời gian, chi phí cho người dân, doanh nghiệp'],
      ['3.3', 'tot', 'Chất lượng giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công cấp tỉnh và cấp xã'],
      ['3.3', 'tot', 'Việc tiếp nhận, giải quyết thủ tục hành chính không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh'],
      ['3.4', 'thoaDang', 'Việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về thủ tục hành chính, kể cả kiến nghị của cử tri do Hội đồng nhân dân chuyển đến'],
    ],
    bm: [
      ['4.1', 'tinhGon', 'Mức độ tinh gọn, hợp lý của tổ chức bộ máy các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh sau sắp xếp, hợp nhất (số lượng đầu mối, chức năng, nhiệm vụ)'],
      ['4.2', 'nguonLuc', 'Việc phân cấp, phân quyền, ủy quyền cho chính quyền cấp xã gắn với nguồn lực và khả năng thực hiện'],
      ['4.3', 'tot', 'Việc bố trí, sắp xếp cán bộ, công chức, viên chức và giải quyết chế độ, chính sách đối với người dôi dư sau sắp xếp'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Việc bố trí cán bộ, công chức cấp xã sau sắp xếp theo năng lực, sở trường và vị trí việc làm'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính của đội ngũ cán bộ, công chức trên địa bàn tỉnh'],
      ['5.3', 'tinhTrang', 'Tình trạng né tránh, đùn đẩy trách nhiệm, sợ sai không dám làm của cán bộ, công chức trong thực thi công vụ'],
      ['5.4', 'dapUng', 'Năng lực của đội ngũ cán bộ, công chức cấp xã so với yêu cầu nhiệm vụ sau khi không tổ chức cấp huyện'],
    ],
    tcc: [
      ['6.1', 'tot', 'Chất lượng công tác lập, điều chỉnh và phân bổ dự toán ngân sách địa phương năm 2025 do Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh'],
      ['6.1', 'tienDo', 'Tiến độ giải ngân kế hoạch vốn đầu tư công năm 2025 của tỉnh'],
      ['6.2', 'tietKiem', 'Việc quản lý, bố trí, sử dụng và xử lý trụ sở, tài sản công dôi dư sau sắp xếp'],
      ['6.3', 'hieuQua', 'Hiệu quả thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập thuộc tỉnh'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc ứng dụng công nghệ thông tin trong chỉ đạo, điều hành của Ủy ban nhân dân tỉnh và phục vụ hoạt động của Hội đồng nhân dân (tài liệu kỳ họp, văn bản điện tử)'],
      ['7.2', 'hieuQua', 'Hiệu quả cung cấp dịch vụ công trực tuyến của tỉnh (số lượng hồ sơ nộp trực tuyến, thanh toán trực tuyến, mức độ người dân sử dụng)'],
      ['7.3', 'hieuQua', 'Hiệu quả chuyển đổi số, hợp nhất hệ thống thông tin và kết nối, chia sẻ dữ liệu giữa các cơ quan trên địa bàn tỉnh sau sắp xếp'],
    ],
  },
};

const lanhDaoSo: FormSpec = {
  code: 'phieu-lanh-dao-so',
  title: 'Phiếu khảo sát dành cho lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025, Bộ Nội vụ trân trọng đề nghị Ông/Bà, với tư cách là lãnh đạo cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố, cho biết đánh giá của mình về kết quả cải cách hành chính của tỉnh, thành phố trong năm 2025. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'satThucTien', 'Kế hoạch cải cách hành chính năm 2025 của Ủy ban nhân dân tỉnh (kể cả việc điều chỉnh sau sắp xếp) xác định nhiệm vụ, sản phẩm, thời hạn và cơ quan chủ trì'],
      ['1.2', 'quyetLiet', 'Sự chỉ đạo, điều hành của Chủ tịch Ủy ban nhân dân tỉnh đối với các cơ quan chuyên môn trong triển khai nhiệm vụ cải cách hành chính', { k: false }],
      ['1.2', 'hieuQua', 'Hiệu quả của việc gắn kết quả cải cách hành chính với đánh giá, xếp loại người đứng đầu cơ quan, đơn vị và thi đua, khen thưởng'],
      ['1.3', 'khachQuan', 'Công tác kiểm tra, theo dõi cải cách hành chính và xác định Chỉ số cải cách hành chính của các sở, ngành, Ủy ban nhân dân cấp xã'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác tuyên truyền, nhân rộng sáng kiến, mô hình mới trong cải cách hành chính của tỉnh'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành văn bản quy định chức năng, nhiệm vụ, phân cấp, ủy quyền để các cơ quan hoạt động thông suốt sau sắp xếp'],
      ['2.1', 'tot', 'Chất lượng thẩm định, góp ý dự thảo văn bản quy phạm pháp luật trước khi trình Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành'],
      ['2.1', 'dongBo', 'Tính đồng bộ, thống nhất của hệ thống văn bản quy phạm pháp luật áp dụng trên địa bàn tỉnh sau sắp xếp'],
      ['2.3', 'hieuQua', 'Hiệu quả công tác rà soát, kiểm tra và xử lý văn bản quy phạm pháp luật trái pháp luật, không còn phù hợp'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Việc công bố, công khai danh mục thủ tục hành chính và quy trình nội bộ giải quyết thủ tục hành chính của tỉnh sau khi phân cấp, phân định thẩm quyền'],
      ['3.2', 'hieuQua', 'Hiệu quả kiểm soát thủ tục hành chính và cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh theo chương trình của Chính phủ năm 2025'],
      ['3.3', 'tot', 'Sự phối hợp giữa các sở, ngành và Trung tâm Phục vụ hành chính công cấp xã trong giải quyết thủ tục hành chính liên thông'],
      ['3.4', 'thoaDang', 'Việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính trên địa bàn tỉnh'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ, cơ cấu tổ chức của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh sau sắp xếp, hợp nhất'],
      ['4.2', 'nguonLuc', 'Việc phân cấp, phân quyền, ủy quyền của tỉnh cho cơ quan chuyên môn và chính quyền cấp xã, gắn với trách nhiệm và nguồn lực thực hiện'],
      ['4.2', 'tot', 'Việc tiếp nhận, chuyển giao các nhiệm vụ của cấp huyện trước đây cho cơ quan cấp tỉnh và chính quyền cấp xã'],
      ['4.3', 'phuHop', 'Việc giao, điều chỉnh biên chế công chức và số lượng người làm việc sau sắp xếp so với nhiệm vụ và vị trí việc làm'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Việc rà soát vị trí việc làm và bố trí, sử dụng công chức, kể cả cán bộ lãnh đạo, quản lý dôi dư, sau sắp xếp'],
      ['5.1', 'congKhai', 'Mức độ công khai, minh bạch trong tuyển dụng, điều động, bổ nhiệm công chức trên địa bàn tỉnh'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại công chức theo kết quả, sản phẩm công việc được lượng hóa'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính, đạo đức công vụ trong các cơ quan hành chính của tỉnh'],
      ['5.4', 'phuHop', 'Công tác đào tạo, bồi dưỡng cán bộ, công chức đáp ứng yêu cầu nhiệm vụ mới sau sắp xếp'],
    ],
    tcc: [
      ['6.1', 'kipThoi', 'Việc giao, điều chỉnh dự toán và cấp phát kinh phí cho các cơ quan, đơn vị sau sắp xếp'],
      ['6.2', 'tietKiem', 'Việc quản lý, sử dụng tài sản công, xử lý trụ sở, tài sản dôi dư và thực hành tiết kiệm, chống lãng phí'],
      ['6.3', 'tuChu', 'Việc giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập và thực hiện cơ chế tự chủ của các đơn vị'],
    ],
    cps: [
      ['7.1', 'hieuQua', 'Hiệu quả của hệ thống quản lý văn bản và điều hành, chữ ký số, văn bản điện tử trong hoạt động của các cơ quan hành chính tỉnh'],
      ['7.2', 'tot', 'Chất lượng của Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh sau hợp nhất (ổn định, dễ sử dụng, kết nối với Cổng Dịch vụ công quốc gia)'],
      ['7.3', 'hieuQua', 'Hiệu quả kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin, cơ sở dữ liệu của tỉnh với các cơ sở dữ liệu quốc gia'],
    ],
  },
};

const lanhDaoPhong: FormSpec = {
  code: 'phieu-lanh-dao-phong',
  title: 'Phiếu khảo sát dành cho lãnh đạo các phòng thuộc cơ quan chuyên môn cấp tỉnh',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025, Bộ Nội vụ trân trọng đề nghị Ông/Bà, với tư cách là Trưởng phòng, Phó Trưởng phòng thuộc cơ quan chuyên môn cấp tỉnh, cho biết đánh giá của mình về việc thực hiện cải cách hành chính của tỉnh, thành phố trong năm 2025 qua thực tiễn công việc hằng ngày. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'roRang', 'Mức độ rõ ràng, hợp lý của nhiệm vụ cải cách hành chính được phân công cho cơ quan, phòng nơi Ông/Bà công tác theo kế hoạch cải cách hành chính năm 2025 của tỉnh'],
      ['1.2', 'quyetLiet', 'Sự quan tâm chỉ đạo của lãnh đạo Ủy ban nhân dân tỉnh và lãnh đạo cơ quan nơi Ông/Bà công tác đối với cải cách hành chính', { k: false }],
      ['1.3', 'hieuQua', 'Hiệu quả của việc theo dõi, đôn đốc và chế độ báo cáo cải cách hành chính (thực chất, không trùng lặp)'],
      ['1.4', 'hieuQua', 'Hiệu quả công tác phổ biến, tuyên truyền về cải cách hành chính trong nội bộ cơ quan, đơn vị'],
    ],
    tc: [
      ['2.1', 'khaThi', 'Tính phù hợp, khả thi của các văn bản quy phạm pháp luật của tỉnh trong lĩnh vực phòng Ông/Bà tham mưu, thực hiện'],
      ['2.1', 'deApDung', 'Mức độ rõ ràng, dễ hiểu, dễ áp dụng của các văn bản quy phạm pháp luật, văn bản hướng dẫn của tỉnh'],
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong hướng dẫn thực hiện các văn bản mới về phân cấp, phân quyền, phân định thẩm quyền'],
      ['2.3', 'hieuQua', 'Hiệu quả theo dõi tình hình thi hành pháp luật, phát hiện và kiến nghị xử lý quy định chồng chéo, vướng mắc'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính được cập nhật và công khai sau sắp xếp'],
      ['3.2', 'caiThien', 'Kết quả cắt giảm thành phần hồ sơ, rút ngắn thời gian giải quyết thủ tục hành chính trong lĩnh vực phòng Ông/Bà phụ trách'],
      ['3.3', 'tot', 'Sự phối hợp giữa Trung tâm Phục vụ hành chính công với các phòng chuyên môn trong tiếp nhận, chuyển hồ sơ và trả kết quả'],
      ['3.3', 'tinhTrang', 'Tình trạng hồ sơ thủ tục hành chính giải quyết trễ hạn mà không có văn bản xin lỗi người dân, tổ chức'],
      ['3.4', 'thoaDang', 'Việc xử lý các phản ánh, kiến nghị của người dân, doanh nghiệp được chuyển đến cơ quan nơi Ông/Bà công tác'],
    ],
    bm: [
      ['4.1', 'roRang', 'Chức năng, nhiệm vụ của các phòng thuộc cơ quan nơi Ông/Bà công tác sau sắp xếp, hợp nhất'],
      ['4.2', 'phuHop', 'Mức độ phân cấp, ủy quyền giải quyết công việc trong cơ quan, giúp rút ngắn khâu trung gian'],
      ['4.3', 'phuHop', 'Số lượng công chức được bố trí so với khối lượng công việc của phòng sau sắp xếp'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Bản mô tả công việc, khung năng lực vị trí việc làm và việc bố trí công chức theo vị trí việc làm'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại công chức theo kết quả, sản phẩm công việc', { k: false }],
      ['5.2', 'hieuQua', 'Cơ chế khuyến khích, bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm vì lợi ích chung'],
      ['5.3', 'nghiem', 'Việc chấp hành kỷ luật, kỷ cương hành chính, giờ giấc làm việc và văn hóa công sở'],
      ['5.4', 'hieuQua', 'Hiệu quả các khóa đào tạo, bồi dưỡng chuyên môn, nghiệp vụ, kỹ năng số mà công chức được cử tham gia'],
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

const lanhDaoXa: FormSpec = {
  code: 'phieu-lanh-dao-xa',
  title: 'Phiếu khảo sát dành cho lãnh đạo Ủy ban nhân dân cấp xã',
  intro:
    'Để xác định Chỉ số cải cách hành chính năm 2025, Bộ Nội vụ trân trọng đề nghị Ông/Bà, với tư cách là Chủ tịch, Phó Chủ tịch Ủy ban nhân dân xã, phường, đặc khu, cho biết đánh giá của mình về công tác cải cách hành chính của tỉnh, thành phố trong năm 2025, nhất là sự chỉ đạo, hướng dẫn, hỗ trợ của tỉnh đối với chính quyền cấp xã trong mô hình chính quyền địa phương hai cấp. ' +
    privacy,
  sections: {
    cd: [
      ['1.1', 'kipThoi', 'Việc tỉnh hướng dẫn cấp xã xây dựng và triển khai kế hoạch cải cách hành chính sau khi tổ chức chính quyền địa phương hai cấp'],
      ['1.2', 'quyetLiet', 'Sự quan tâm, chỉ đạo của lãnh đạo Ủy ban nhân dân tỉnh đối với cải cách hành chính ở cấp xã', { k: false }],
      ['1.3', 'hieuQua', 'Hiệu quả công tác kiểm tra, theo dõi, hỗ trợ của tỉnh đối với cấp xã trong thời gian đầu vận hành bộ máy mới'],
      ['1.4', 'hieuQua', 'Hiệu quả thông tin, tuyên truyền để người dân biết, thực hiện thủ tục hành chính theo mô hình chính quyền địa phương hai cấp'],
    ],
    tc: [
      ['2.2', 'kipThoi', 'Mức độ kịp thời trong ban hành văn bản của tỉnh để cấp xã có căn cứ thực hiện các nhiệm vụ được phân cấp, phân quyền'],
      ['2.1', 'khaThi', 'Tính phù hợp, khả thi của các văn bản quy phạm pháp luật của tỉnh đối với điều kiện thực tế của cấp xã'],
      ['2.3', 'kipThoi', 'Việc các sở, ngành hướng dẫn, giải đáp vướng mắc của cấp xã trong áp dụng pháp luật'],
    ],
    tthc: [
      ['3.1', 'congKhai', 'Việc công bố, cập nhật danh mục thủ tục hành chính thuộc thẩm quyền cấp xã sau phân cấp và công khai tại Trung tâm Phục vụ hành chính công cấp xã'],
      ['3.2', 'caiThien', 'Kết quả cắt giảm, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã'],
      ['3.3', 'tot', 'Việc giải quyết thủ tục hành chính liên thông giữa cấp xã với các sở, ngành (đất đai, xây dựng, đầu tư)'],
      ['3.3', 'tinhTrang', 'Tình trạng hồ sơ liên thông bị chậm ở khâu do các cơ quan cấp tỉnh giải quyết'],
      ['3.4', 'thoaDang', 'Việc các cơ quan cấp tỉnh xử lý phản ánh, kiến nghị của người dân, doanh nghiệp do cấp xã chuyển đến'],
    ],
    bm: [
      ['4.2', 'nguonLuc', 'Việc phân cấp, phân quyền, ủy quyền cho cấp xã gắn với nguồn lực (con người, tài chính, cơ sở vật chất) để thực hiện'],
      ['4.1', 'roRang', 'Sự phân định trách nhiệm giữa các sở, ngành và Ủy ban nhân dân cấp xã trong quản lý nhà nước ngành, lĩnh vực trên địa bàn'],
      ['4.3', 'phuHop', 'Việc giao biên chế, số lượng cán bộ, công chức cho cấp xã so với khối lượng nhiệm vụ sau sắp xếp'],
    ],
    cv: [
      ['5.1', 'phuHop', 'Việc điều động, bố trí cán bộ, công chức về cấp xã theo vị trí việc làm và yêu cầu chuyên môn'],
      ['5.1', 'congKhai', 'Mức độ công khai, minh bạch trong tuyển dụng, bổ nhiệm công chức trên địa bàn tỉnh'],
      ['5.2', 'khachQuan', 'Việc đánh giá, xếp loại cán bộ, công chức gắn với kết quả, sản phẩm công việc'],
      ['5.3', 'tot', 'Tinh thần, thái độ, trách nhiệm của công chức các sở, ngành khi phối hợp, hướng dẫn cấp xã'],
      ['5.4', 'hieuQua', 'Hiệu quả công tác đào tạo, bồi dưỡng cán bộ, công chức cấp xã để thực hiện nhiệm vụ mới được giao'],
    ],
    tcc: [
      ['6.1', 'phuHop', 'Việc phân cấp nguồn thu, nhiệm vụ chi ngân sách giữa tỉnh và cấp xã'],
      ['6.1', 'kipThoi', 'Việc giao dự toán, bổ sung ngân sách và kinh phí thực hiện nhiệm vụ được phân cấp cho cấp xã'],
      ['6.2', 'tietKiem', 'Việc bố trí trụ sở, trang thiết bị và quản lý, sử dụng tài sản công ở cấp xã sau sắp xếp'],
      ['6.3', 'tuChu', 'Việc thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập trên địa bàn xã (giáo dục, y tế)'],
    ],
    cps: [
      ['7.1', 'tot', 'Việc liên thông văn bản điện tử giữa các cơ quan cấp tỉnh và cấp xã', { k: false }],
      ['7.2', 'hieuQua', 'Hiệu quả cung cấp dịch vụ công trực tuyến tại cấp xã'],
      ['7.3', 'dapUng', 'Hạ tầng công nghệ thông tin, trang thiết bị, đường truyền và hỗ trợ kỹ thuật của tỉnh đối với cấp xã'],
    ],
  },
};

export const provinceForms2025 = [hdnd, lanhDaoSo, lanhDaoPhong, lanhDaoXa].map(buildForm);

export const provinceGroups2025 = [
  {
    code: 'hdnd',
    name: 'Đại biểu Hội đồng nhân dân cấp tỉnh',
    description: 'Toàn bộ đại biểu Hội đồng nhân dân tỉnh, thành phố nhiệm kỳ 2021–2026 (sau sắp xếp gồm đại biểu của các đơn vị hợp nhất).',
    priority: 1,
    form: 'phieu-hdnd',
  },
  {
    code: 'lanh_dao_so',
    name: 'Lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh',
    description: 'Giám đốc, Phó Giám đốc sở và tương đương (Chánh Văn phòng, Chánh Thanh tra và cấp phó).',
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
    code: 'lanh_dao_xa',
    name: 'Lãnh đạo Ủy ban nhân dân cấp xã',
    description: 'Chủ tịch, Phó Chủ tịch Ủy ban nhân dân xã, phường, đặc khu (không còn cấp huyện từ ngày 01/7/2025).',
    priority: 4,
    form: 'phieu-lanh-dao-xa',
  },
];
