import type { ExportData } from '../../src/export/export-data.js';

/** A hand-built pack: one commune party committee, three child units, with hostile text. */
export function sampleExportData(): ExportData {
  return {
    meta: {
      unitId: 1,
      unitName: 'Đảng ủy xã Đông Hòa',
      parentLine: 'Đảng bộ tỉnh Hải Đông',
      issuerLine: 'Đảng ủy xã Đông Hòa',
      superior: 'Tỉnh ủy Hải Đông',
      collective: 'Toàn Đảng bộ',
      place: 'Đông Hòa',
      year: 2026,
      fromYear: 2024,
      issuedOn: new Date('2026-12-05T03:00:00Z'), // 10:00 in Vietnam
    },
    overview: {
      registered: 14,
      byStatus: { new: 5, continued: 7, replicated: 2, dropped: 0 },
      statusUnknown: 0,
      statusSlices: null,
      byField: { economy: 4, culture_society: 5, defense_security: 3, political_system: 1 },
      fieldUnknown: 1,
      recognizedByField: { economy: 3, culture_society: 4, defense_security: 2, political_system: 1 },
      recognizedFieldUnknown: 1,
      recognized: { commune: 9, district: 0, province: 2 },
      recognizedTotal: 11,
      exemplars: { collective: 4, individual: 3 },
      recognitionRate: 11 / 14,
      childUnits: 3,
      childUnitsWithModel: 3,
    },
    units: [
      { unitId: 2, unitName: 'Chi bộ Công an xã', registered: 3, byField: { economy: 0, culture_society: 0, defense_security: 3, political_system: 0 }, fieldUnknown: 0, byStatus: { new: 1, continued: 2, replicated: 0, dropped: 0 }, statusUnknown: 0, recognized: 3, exemplars: 1 },
      { unitId: 3, unitName: 'Hội Nông dân xã', registered: 5, byField: { economy: 4, culture_society: 1, defense_security: 0, political_system: 0 }, fieldUnknown: 0, byStatus: { new: 2, continued: 2, replicated: 1, dropped: 0 }, statusUnknown: 0, recognized: 4, exemplars: 3 },
      { unitId: 4, unitName: 'Ủy ban MTTQ Việt Nam xã', registered: 6, byField: { economy: 0, culture_society: 4, defense_security: 0, political_system: 1 }, fieldUnknown: 1, byStatus: { new: 2, continued: 3, replicated: 1, dropped: 0 }, statusUnknown: 0, recognized: 4, exemplars: 3 },
    ],
    recognitions: [
      { modelName: 'Dân vận khéo trong giải phóng mặt bằng', owner: 'Hội Nông dân xã', unitName: 'Hội Nông dân xã', field: 'economy', level: 'province', decisionNo: '125-QĐ/TU', decisionDate: '2026-11-20' },
      { modelName: '=HYPERLINK("http://evil.example","Bấm vào đây")', owner: 'Ủy ban MTTQ Việt Nam xã', unitName: 'Ủy ban MTTQ Việt Nam xã', field: 'culture_society', level: 'province', decisionNo: '126-QĐ/TU', decisionDate: '2026-11' },
      { modelName: 'Camera an ninh khu dân cư', owner: 'Chi bộ Công an xã', unitName: 'Chi bộ Công an xã', field: 'defense_security', level: 'commune', decisionNo: '45-QĐ/ĐU', decisionDate: '2026-10-02' },
      { modelName: 'Phụ nữ thủy lợi nội đồng', owner: 'Hội Liên hiệp Phụ nữ xã', unitName: 'Ủy ban MTTQ Việt Nam xã', field: null, level: 'commune', decisionNo: null, decisionDate: null },
    ],
    exemplars: [
      { name: 'Chi hội Nông dân thôn Đông', exemplarType: 'collective', position: null, unit: 'Hội Nông dân xã', modelName: 'Dân vận khéo trong giải phóng mặt bằng', award: 'Giấy khen', level: 'commune' },
      { name: 'Nguyễn Thị Huệ', exemplarType: 'individual', position: 'Chủ tịch Hội Phụ nữ', unit: 'Hội Liên hiệp Phụ nữ xã', modelName: 'Phụ nữ thủy lợi nội đồng', award: '+ Bằng khen', level: 'commune' },
      { name: 'Trần Văn Đức', exemplarType: 'individual', position: 'Trưởng Công an xã', unit: 'Chi bộ Công an xã', modelName: 'Camera an ninh khu dân cư', award: 'Giấy khen', level: 'commune' },
    ],
    quotas: [
      { unitName: 'Đảng ủy xã Đông Hòa', rule: 'Cấp xã có ít nhất 05 mô hình "Dân vận khéo"', target: '≥ 5 mô hình', actual: '14', met: true, note: null },
      { unitName: 'Đảng ủy xã Đông Hòa', rule: '100% tổ chức đảng trực thuộc có ít nhất 01 mô hình', target: '100%', actual: '100%', met: true, note: null },
      { unitName: 'Đảng ủy xã Đông Hòa', rule: 'Ít nhất 07 tập thể, cá nhân được công nhận điển hình', target: '≥ 7', actual: '7', met: true, note: null },
      { unitName: 'Đảng ủy xã Đông Hòa', rule: 'Mô hình mới tổ chức ra mắt', target: '100%', actual: '—', met: null, note: '@chưa có ngày ra mắt' },
    ],
    submissions: [
      { unitName: 'Chi bộ Công an xã', deadline: 'Đăng ký mô hình', dueText: '10/02/2026', status: 'on_time', receivedOn: '2026-02-05', files: 1, daysLate: null },
      { unitName: 'Hội Nông dân xã', deadline: 'Đăng ký mô hình', dueText: '10/02/2026', status: 'late', receivedOn: '2026-02-14', files: 1, daysLate: 4 },
      { unitName: 'Ủy ban MTTQ Việt Nam xã', deadline: 'Đăng ký mô hình', dueText: '10/02/2026', status: 'missing', receivedOn: null, files: 0, daysLate: null },
      { unitName: 'Chi bộ Công an xã', deadline: 'Báo cáo năm', dueText: '31/11/2026', status: 'received', receivedOn: '2026-11-20', files: 2, daysLate: null },
    ],
    trend: [
      { year: 2024, registered: 9, recognized: 5, exemplars: 4 },
      { year: 2025, registered: 12, recognized: 8, exemplars: 6 },
      { year: 2026, registered: 14, recognized: 11, exemplars: 7 },
    ],
    recognitionTarget: 0.5,
  };
}
