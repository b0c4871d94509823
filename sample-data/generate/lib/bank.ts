/**
 * Invented but realistic content in the seeds' style, for the demo province
 * Hải Đông (see sample-data/README.md): model names per field, owners,
 * people. Each model name carries the words a reader would file it by.
 */
import type { Field, OwnerType, PartialDate, RegistrationStatus } from '@dvk/etl';

export interface Reg {
  name: string;
  field: Field;
  owner: string;
  ownerType: OwnerType;
  status: RegistrationStatus;
  start: PartialDate | null;
  end: PartialDate | null;
  launch: PartialDate | null;
  location: string;
  person: string;
  goal: string;
  content: string;
  note: string;
}

/** Commune lists from sample-data/README.md. */
export const OLD_COMMUNES = ['Đông La', 'Hòa Bình', 'Đông Lai', 'Tân Phú'] as const;
export const NEW_COMMUNES = ['Đông Hòa', 'Tân Lai', 'Kim Sơn'] as const;

export const VILLAGES: Record<string, string[]> = {
  'Đông La': ['Đông', 'Đoài', 'Thượng', 'Hạ'],
  'Hòa Bình': ['Bình An', 'Bình Minh', 'Hòa Lạc'],
  'Đông Lai': ['Lai Xá', 'Lai Đông', 'Cầu Gạch', 'Trại Mới', 'Phú Mỹ'],
  'Tân Phú': ['Phú Lộc', 'Phú Thọ', 'Tân Hưng'],
  'Kim Sơn': ['Kim Thượng', 'Kim Hạ', 'Sơn Thủy', 'Đồng Tâm', 'Văn Phú', 'Quyết Tiến'],
  'Đông Hòa': ['Đông', 'Đoài', 'Bình An', 'Bình Minh', 'Hòa Lạc', 'Thượng'],
  'Tân Lai': ['Lai Xá', 'Lai Đông', 'Phú Lộc', 'Phú Thọ', 'Tân Hưng', 'Cầu Gạch'],
};

/** The subordinate organisations of a commune (README), with the field their models usually fall in. */
export function organisations(commune: string, kind: 'xã' | 'thị trấn' = 'xã'): { owner: string; field: Field }[] {
  const villages = VILLAGES[commune] ?? ['Đông', 'Đoài', 'Nam'];
  return [
    { owner: `Đảng ủy ${kind}`, field: 'political_system' },
    { owner: `UBND ${kind}`, field: 'political_system' },
    { owner: `Ủy ban MTTQ Việt Nam ${kind}`, field: 'culture_society' },
    { owner: `Hội Nông dân ${kind}`, field: 'economy' },
    { owner: `Hội Liên hiệp Phụ nữ ${kind}`, field: 'culture_society' },
    { owner: `Đoàn Thanh niên ${kind}`, field: 'culture_society' },
    { owner: `Hội Cựu chiến binh ${kind}`, field: 'defense_security' },
    { owner: `Chi bộ Công an ${kind}`, field: 'defense_security' },
    { owner: `Chi bộ Quân sự ${kind}`, field: 'defense_security' },
    { owner: `Chi bộ Trường THCS ${commune}`, field: 'culture_society' },
    { owner: 'Chi bộ Trạm Y tế', field: 'culture_society' },
    ...villages.map((v) => ({ owner: `Chi bộ thôn ${v}`, field: 'economy' as Field })),
  ];
}

/** Model names by field; each names what it does in the words of the seeds. */
export const MODELS: Record<Field, string[]> = {
  economy: [
    'Vận động Nhân dân hiến đất, giải phóng mặt bằng mở rộng đường giao thông nông thôn',
    'Hỗ trợ hội viên xây dựng sản phẩm OCOP gạo nếp cái hoa vàng',
    'Chung sức xây dựng nông thôn mới kiểu mẫu',
    'Tổ hợp tác trồng rau an toàn liên kết tiêu thụ sản phẩm',
    'Hội viên nông dân giúp nhau phát triển kinh tế, giảm nghèo bền vững',
    'Dồn điền đổi thửa, chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả',
    'Vận động Nhân dân hiến đất làm đường giao thông nội đồng, xây dựng nông thôn mới nâng cao',
    'Chi hội nghề nghiệp nuôi ong lấy mật theo chuỗi giá trị',
    'Mô hình "Dân vận khéo" trong vận động Nhân dân hiến đất làm đường giao thông nông thôn',
  ],
  culture_society: [
    'Phụ nữ chung tay bảo vệ môi trường, phân loại rác thải tại nguồn',
    'Vận động Nhân dân tham gia bảo hiểm y tế hộ gia đình',
    'Tủ sách văn hóa đọc tại nhà văn hóa thôn',
    'Đoàn viên hỗ trợ người cao tuổi chuyển đổi số, cài đặt ứng dụng VNeID',
    'Nói không với rác thải nhựa',
    'Dòng họ khuyến học, gia đình hiếu học',
    'Tuyến đường hoa, cây xanh bảo vệ môi trường sáng - xanh - sạch - đẹp',
    'Vận động Nhân dân tiêm chủng đầy đủ, chăm sóc sức khỏe ban đầu, tham gia bảo hiểm y tế',
    'Mô hình phân loại rác thải tại nguồn, bảo vệ môi trường khu dân cư',
  ],
  defense_security: [
    'Tổ tự quản an ninh trật tự khu dân cư',
    'Camera an ninh góp phần phòng chống tội phạm',
    'Vận động thanh niên thực hiện nghĩa vụ quân sự',
    'Tổ hòa giải ở cơ sở góp phần giữ vững an ninh trật tự',
    'Xứ đạo tốt đời, đẹp đạo, đoàn kết tôn giáo',
    'Khu dân cư an toàn về an ninh trật tự, phòng cháy chữa cháy',
    'Cựu chiến binh tham gia giữ gìn an ninh trật tự, phòng chống tội phạm ma túy',
  ],
  political_system: [
    'Chính quyền thân thiện vì Nhân dân phục vụ',
    'Cải cách hành chính, bộ phận một cửa thân thiện',
    'Nâng cao chất lượng sinh hoạt chi bộ, phát triển đảng viên',
    'Thực hiện dân chủ ở cơ sở trong xây dựng hương ước, quy ước',
    'Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân',
    'Đảng viên gương mẫu nêu gương trong phát triển đảng viên, cải cách hành chính',
  ],
};

export const PEOPLE = [
  'Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Văn Thành', 'Phạm Thị Hoa', 'Hoàng Văn Nam', 'Vũ Thị Hằng', 'Đỗ Văn Quyết',
  'Bùi Thị Thu', 'Ngô Văn Long', 'Đặng Thị Mai', 'Nguyễn Thị Thủy', 'Trần Văn Hòa', 'Phan Thị Ngọc', 'Lương Văn Tiến',
];

export const POSITIONS = ['Bí thư chi bộ', 'Trưởng thôn', 'Chủ tịch Hội Nông dân', 'Phó Chủ tịch UBND', 'Công chức Văn hóa - Xã hội', 'Chi hội trưởng Phụ nữ', 'Bí thư Đoàn Thanh niên', 'Trưởng Công an xã'];

export const FIELD_LABEL: Record<Field, string> = {
  economy: 'Kinh tế',
  culture_society: 'Văn hóa - xã hội',
  defense_security: 'Quốc phòng - an ninh',
  political_system: 'Xây dựng hệ thống chính trị',
};

export const FIELD_ABBR: Record<Field, string> = {
  economy: 'KT',
  culture_society: 'VHXH',
  defense_security: 'QP-AN',
  political_system: 'XDHTCT',
};

export const FIELD_GROUP: Record<Field, string> = {
  economy: 'LĨNH VỰC KINH TẾ',
  culture_society: 'LĨNH VỰC VĂN HÓA - XÃ HỘI',
  defense_security: 'LĨNH VỰC QUỐC PHÒNG - AN NINH',
  political_system: 'LĨNH VỰC XÂY DỰNG HỆ THỐNG CHÍNH TRỊ',
};

export const STATUS_LABEL: Record<RegistrationStatus, string> = { new: 'Mới', continued: 'Duy trì', replicated: 'Nhân rộng', dropped: 'Loại bỏ' };

export const FIELDS: Field[] = ['economy', 'culture_society', 'defense_security', 'political_system'];
