import { describe, it, expect } from 'vitest';
import type { Field } from '../../src/contract.js';
import { inferField, parseField } from '../../src/normalise/fields.js';

describe('parseField', () => {
  it.each<[string | null, Field | null]>([
    ['Kinh tế', 'economy'],
    ['Phát triển kinh tế', 'economy'],
    ['KT', 'economy'],
    ['kinh te', 'economy'],
    ['Lĩnh vực kinh tế', 'economy'],
    ['I. LĨNH VỰC KINH TẾ', 'economy'],
    ['1. Lĩnh vực Kinh tế (05 mô hình)', 'economy'],
    ['Văn hóa - xã hội', 'culture_society'],
    ['Văn hoá – xã hội', 'culture_society'],
    ['VH-XH', 'culture_society'],
    ['VHXH', 'culture_society'],
    ['Lĩnh vực văn hóa – xã hội', 'culture_society'],
    ['II. LĨNH VỰC VĂN HOÁ - XÃ HỘI', 'culture_society'],
    ['3.2. Trong lĩnh vực văn hóa - xã hội', 'culture_society'],
    ['Quốc phòng - an ninh, dân tộc - tôn giáo', 'defense_security'],
    ['QP-AN', 'defense_security'],
    ['QPAN', 'defense_security'],
    ['An ninh - quốc phòng', 'defense_security'],
    ['Quốc phòng an ninh', 'defense_security'],
    ['Dân tộc - tôn giáo', 'defense_security'],
    ['Tôn giáo - dân tộc', 'defense_security'],
    ['3.3. Trong lĩnh vực quốc phòng - an ninh, tôn giáo - dân tộc', 'defense_security'],
    ['III. Lĩnh vực Quốc phòng, an ninh', 'defense_security'],
    ['Xây dựng hệ thống chính trị', 'political_system'],
    ['Củng cố và xây dựng hệ thống chính trị', 'political_system'],
    ['XDHTCT', 'political_system'],
    ['XD HTCT', 'political_system'],
    ['Xây dựng Đảng và hệ thống chính trị', 'political_system'],
    ['IV. LĨNH VỰC XÂY DỰNG HỆ THỐNG CHÍNH TRỊ', 'political_system'],
    ['2.4. Lĩnh vực xây dựng hệ thống chính trị', 'political_system'],
    // not a field
    ['Kinh tế - xã hội', null],
    ['Tên mô hình', null],
    ['Tổng cộng', null],
    ['', null],
    [null, null],
    ['Mô hình "Dân vận khéo" trong phát triển kinh tế hộ gia đình gắn với xây dựng nông thôn mới', null],
  ])('%s → %s', (text, expected) => {
    expect(parseField(text)).toBe(expected);
  });
});

describe('inferField', () => {
  // Model names in the seeds' style; expected fields decided from seed 001 §3
  // and seed 004 II.2 (typical contents per field) and DOMAIN.md's owner hints.
  it.each<[string, string | null, Field]>([
    // economy
    ['Dân vận khéo trong công tác giải phóng mặt bằng dự án đường vành đai', null, 'economy'],
    ['Vận động Nhân dân hiến đất làm đường giao thông nông thôn', null, 'economy'],
    ['Xây dựng sản phẩm OCOP bánh gai Ninh Giang', null, 'economy'],
    ['Chung sức xây dựng nông thôn mới kiểu mẫu thôn Đông', null, 'economy'],
    ['Dồn điền, đổi thửa, khắc phục tình trạng đất bỏ hoang', null, 'economy'],
    ['Liên kết sản xuất và tiêu thụ lúa hữu cơ', null, 'economy'],
    ['Tổ dân vận giúp nhau phát triển kinh tế, giảm nghèo bền vững', null, 'economy'],
    ['Hỗ trợ hội viên vay vốn phát triển chăn nuôi', 'Hội Nông dân xã', 'economy'],
    ['Cánh đồng mẫu lớn', 'Hợp tác xã Dịch vụ nông nghiệp Đông La', 'economy'],
    ['Phát triển du lịch cộng đồng gắn với làng nghề truyền thống', null, 'economy'],
    ['Hội viên giúp nhau làm giàu', 'Hội Nông dân', 'economy'],
    // culture and society
    ['Vận động người dân tham gia bảo hiểm y tế hộ gia đình', null, 'culture_society'],
    ['Phân loại rác thải tại nguồn', null, 'culture_society'],
    ['Tuyến đường hoa sáng - xanh - sạch - đẹp', null, 'culture_society'],
    ['Tủ sách pháp luật và phát triển văn hóa đọc', null, 'culture_society'],
    ['Bình dân học vụ số', null, 'culture_society'],
    ['Chuyển đổi số trong thanh toán không dùng tiền mặt tại chợ', null, 'culture_society'],
    ['Đền ơn đáp nghĩa, chăm lo gia đình người có công', null, 'culture_society'],
    ['Xây dựng nhà đại đoàn kết cho hộ nghèo', null, 'culture_society'],
    ['Thực hiện nếp sống văn minh trong việc cưới, việc tang', null, 'culture_society'],
    ['Câu lạc bộ thể dục dưỡng sinh người cao tuổi', null, 'culture_society'],
    ['Khuyến học, khuyến tài, xây dựng xã hội học tập', null, 'culture_society'],
    ['Chăm sóc sức khỏe ban đầu cho Nhân dân', 'Trạm Y tế xã', 'culture_society'],
    ['Bảo đảm vệ sinh an toàn thực phẩm bếp ăn bán trú', 'Trường Mầm non Đông La', 'culture_society'],
    ['Không lấn chiếm vỉa hè, lòng đường', null, 'culture_society'],
    // defence, security, ethnicity, religion
    ['Khu dân cư không có tội phạm và tệ nạn xã hội', null, 'defense_security'],
    ['Camera an ninh bảo vệ an ninh trật tự thôn Đông', null, 'defense_security'],
    ['Tổ liên gia an toàn phòng cháy chữa cháy', null, 'defense_security'],
    ['Tuyên truyền phòng cháy chữa cháy cho hộ kinh doanh', 'Công an xã', 'defense_security'],
    ['Đồng hành cùng người dân trong chuyển đổi số', 'Công an xã', 'defense_security'],
    ['Vận động thanh niên thực hiện nghĩa vụ quân sự', null, 'defense_security'],
    ['Giúp đỡ người lầm lỡ tái hòa nhập cộng đồng', null, 'defense_security'],
    ['Giáo xứ sống tốt đời đẹp đạo', null, 'defense_security'],
    ['Xây dựng khối đoàn kết lương - giáo', 'Giáo xứ Đông La', 'defense_security'],
    ['Tổ hòa giải ở cơ sở giải quyết mâu thuẫn trong Nhân dân', null, 'defense_security'],
    ['Phòng chống lừa đảo trên không gian mạng', null, 'defense_security'],
    ['Quân dân chung sức giúp dân thu hoạch', 'Ban Chỉ huy Quân sự xã', 'defense_security'],
    ['Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số', null, 'defense_security'],
    // political system
    ['Chính quyền thân thiện vì Nhân dân phục vụ', null, 'political_system'],
    ['Cải cách thủ tục hành chính, giải quyết hồ sơ đúng hạn', null, 'political_system'],
    ['Một nụ cười, một lời chào, một hồ sơ đúng hẹn', 'Bộ phận một cửa UBND xã', 'political_system'],
    ['Hướng dẫn người dân nộp hồ sơ trực tuyến', 'Trung tâm Phục vụ hành chính công xã', 'political_system'],
    ['Phát triển đảng viên trong doanh nghiệp ngoài nhà nước', null, 'political_system'],
    ['Chi bộ bốn tốt', null, 'political_system'],
    ['Thực hiện tốt Quy chế dân chủ ở cơ sở', null, 'political_system'],
    ['Tiếp công dân và giải quyết khiếu nại, tố cáo', null, 'political_system'],
    ['Nâng cao chất lượng sinh hoạt chi bộ', 'Chi bộ thôn Đông', 'political_system'],
    ['Người đứng đầu nêu gương', null, 'political_system'],
  ])('%s (%s) → %s', (name, owner, expected) => {
    const r = inferField(name, owner);
    expect(r.field).toBe(expected);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.reason.length).toBeGreaterThan(0);
  });

  it('weighs the owner above a social-sounding name', () => {
    expect(inferField('Chuyển đổi số', null).field).toBe('culture_society');
    expect(inferField('Chuyển đổi số', 'Công an xã Đông La').field).toBe('defense_security');
    expect(inferField('Chuyển đổi số', 'Đồn Biên phòng Cửa khẩu').field).toBe('defense_security');
  });

  it('is insensitive to diacritics, case and tone placement', () => {
    expect(inferField('GIAI PHONG MAT BANG', null).field).toBe('economy');
    expect(inferField('Tổ hoà giải', null).field).toBe('defense_security');
  });

  it('says why', () => {
    expect(inferField('Giải phóng mặt bằng', null).reason).toBe('Kinh tế: tên có "Giải phóng mặt bằng"');
    expect(inferField('Chuyển đổi số', 'Công an xã').reason).toBe(
      'Quốc phòng - an ninh, dân tộc - tôn giáo: chủ thể có "Công an"',
    );
    expect(inferField('Tổ hoà giải', null).reason).toContain('"hoà giải"');
  });

  it('returns null when nothing matches or fields tie', () => {
    expect(inferField('Mô hình số 1', null)).toMatchObject({ field: null, confidence: 0 });
    expect(inferField(null, null)).toMatchObject({ field: null, confidence: 0 });
    expect(inferField('', '')).toMatchObject({ field: null, confidence: 0 });
    // one keyword each for economy and culture with equal weight
    expect(inferField('Sản xuất và bảo vệ môi trường', null).field).toBeNull();
  });

  it('gives more confidence to more evidence', () => {
    const weak = inferField('Vận động làm đường', null);
    const strong = inferField('Giải phóng mặt bằng xây dựng nông thôn mới', null);
    expect(weak.field).toBe('economy');
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });
});
