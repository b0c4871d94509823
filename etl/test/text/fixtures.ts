/** Real Unicode sentences from the seed documents (shared/seeds), for encoding tests. */
export const SEED_SENTENCES: string[] = [
  'Căn cứ Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW',
  'Đảng uỷ xã Thanh Miện ban hành Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm 2025 (sau hợp nhất), như sau:',
  'Nâng cao nhận thức, trách nhiệm của các cấp ủy Đảng, chính quyền, Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị-xã hội',
  'Đảng bộ xã Thanh Miện có ít nhất 03 mô hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn, lĩnh vực hoạt động, công tác của địa phương.',
  'Đảng bộ Xí nghiệp Khai thác công trình thuỷ lợi, Chi bộ Công an, Chi bộ Quân sự, Chi bộ Trường THPT Thanh Miện III',
  'Vận động Nhân dân tích cực xây dựng xã nông thôn mới nâng cao, nông thôn mới kiểu mẫu, phát triển kinh tế nông thôn',
  'Xây dựng mô hình “Dân vận khéo” vận động người dân tham gia bảo hiểm y tế; thực hiện chính sách với người có công, đền ơn đáp nghĩa',
  'Xây dựng các mô hình vận động đồng bào có đạo sống tốt đời, đẹp đạo; tích cực tham gia các hoạt động hội',
  'trạng, thuận lợi, khó khăn, loại hình, lĩnh vực liên quan.',
  '“Dân vận khéo” năm 2025 về Ban xây dựng Đảng trước ngày 20/11/2025 (mẫu báo',
  'hiện và hiệu quả dự kiến có thể đạt được.',
  'tiêu thụ nông sản theo chuỗi giá trị; xây dựng các mô hình hợp tác phát triển sản xuất, câu',
  'quyền, trong tham gia cải cách hành chính, đạo đức công vụ, thực thi nhiệm vụ, xây dựng “Chính quyền thân thiện”...',
  'đăng ký trong năm được từ 50% số mô hình đã đăng ký.',
  '- Tờ trình của cấp ủy cấp đề nghị khen thưởng.',
  '+ Cá nhân có nhiều sáng tạo, cách làm hay đem lại hiệu quả cao góp phần thực hiện thành công mô hình.',
  'II. CHỈ TIÊU, MỤC TIÊU, NỘI DUNG, QUY TRÌNH THỰC HIỆN',
  '3.3. Trong lĩnh vực quốc phòng - an ninh, tôn giáo - dân tộc',
  'Khéo tuyên truyền, vận động thanh niên khám tuyển và thực hiện nghĩa vụ quân sự; huấn luyện chiến đấu, kết hợp làm công tác dân vận.',
  'Xây dựng mô hình “Tổ dân vận giúp nhau phát triển kinh tế, giảm nghèo bền vững”; tuyên phổ văn minh du lịch, văn minh thương mại',
];

/** Letters of the Vietnamese alphabet in every tone, both cases, NFC. */
export const VIETNAMESE_LETTERS: string[] = (() => {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  const out: string[] = [];
  for (const b of bases) for (const t of tones) out.push((b + t).normalize('NFC'));
  for (const c of 'bcdghklmnpqrstvx') out.push(c);
  out.push('đ');
  return [...out, ...out.map((c) => c.toUpperCase())];
})();

