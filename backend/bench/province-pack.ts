import type { ExportData, FieldCode, LevelCode, StatusCode, SubmissionStatus } from '../src/export/export-data.js';
import { FIELDS, STATUSES, zeroFields, zeroLevels, zeroStatuses } from '../src/export/export-data.js';

/**
 * A province-sized pack, built deterministically: 100 communes under one
 * provincial committee, ~2,100 registered models (the Bà Rịa – Vũng Tàu
 * 2021 figure in DOMAIN.md), ~1,200 recognitions, ~700 exemplars, three
 * quota rules per commune, two deadlines per commune, four years of trend.
 */
export function provincePack(communes = 100, year = 2026): ExportData {
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const villages = ['Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung', 'Phú Mỹ', 'Hòa Lạc', 'Tân Tiến'];
  const themes = ['giải phóng mặt bằng', 'xây dựng nông thôn mới', 'phát triển sản phẩm OCOP', 'bảo hiểm y tế toàn dân', 'phân loại rác tại nguồn', 'văn hóa đọc', 'chuyển đổi số', 'an ninh trật tự', 'hòa giải ở cơ sở', 'chính quyền thân thiện', 'cải cách hành chính', 'dân chủ ở cơ sở'];
  const owners = ['Hội Nông dân xã', 'Hội Liên hiệp Phụ nữ xã', 'Đoàn Thanh niên xã', 'Hội Cựu chiến binh xã', 'Chi bộ Công an xã', 'Chi bộ Quân sự xã', 'Ủy ban MTTQ Việt Nam xã', 'UBND xã'];
  const levels: LevelCode[] = ['commune', 'commune', 'commune', 'district', 'province'];

  const data: ExportData = {
    meta: {
      unitId: 1, unitName: 'Tỉnh ủy Hải Đông', parentLine: null, issuerLine: 'Tỉnh ủy Hải Đông', collective: 'Toàn Đảng bộ tỉnh',
      place: 'Hải Đông', year, fromYear: year - 3, issuedOn: new Date(year, 11, 5),
    },
    overview: {
      registered: 0, byStatus: zeroStatuses(), byField: zeroFields(), fieldUnknown: 0, recognizedByField: zeroFields(), recognizedFieldUnknown: 0,
      recognized: zeroLevels(), recognizedTotal: 0, exemplars: { collective: 0, individual: 0 }, recognitionRate: null, childUnits: communes, childUnitsWithModel: 0,
    },
    units: [], recognitions: [], exemplars: [], quotas: [], submissions: [], trend: [], recognitionTarget: 0.5,
  };
  const o = data.overview;
  for (let c = 0; c < communes; c++) {
    const unitName = `Đảng ủy xã ${pick(['Đông', 'Tân', 'Kim', 'Hòa', 'Phú', 'Thanh'])} ${pick(['La', 'Lai', 'Sơn', 'Bình', 'Mỹ', 'Hưng', 'Lộc'])} ${c + 1}`;
    const row = { unitId: c + 10, unitName, registered: 0, byField: zeroFields(), fieldUnknown: 0, byStatus: zeroStatuses(), recognized: 0, exemplars: 0 };
    const models = 10 + Math.floor(rand() * 23);
    for (let m = 0; m < models; m++) {
      const field: FieldCode | null = rand() < 0.03 ? null : pick(FIELDS);
      const status: StatusCode = pick(STATUSES.slice(0, 3));
      row.registered++;
      if (field) row.byField[field]++;
      else row.fieldUnknown++;
      row.byStatus[status]++;
      if (rand() < 0.58) {
        const level = pick(levels);
        row.recognized++;
        o.recognized[level]++;
        if (field) o.recognizedByField[field]++;
        else o.recognizedFieldUnknown++;
        data.recognitions.push({
          modelName: `Dân vận khéo trong ${pick(themes)} thôn ${pick(villages)} (${c + 1}.${m + 1})`,
          owner: pick(owners), unitName, field, level,
          decisionNo: `${100 + m}-QĐ/${level === 'province' ? 'TU' : 'ĐU'}`, decisionDate: `${year}-11-${String(1 + (m % 28)).padStart(2, '0')}`,
        });
      }
    }
    const exemplars = 3 + Math.floor(rand() * 10);
    for (let e = 0; e < exemplars; e++) {
      const collective = rand() < 0.55;
      row.exemplars++;
      data.exemplars.push({
        name: collective ? `Chi hội Nông dân thôn ${pick(villages)} ${e + 1}` : `${pick(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'])} ${pick(['Văn', 'Thị', 'Đức', 'Minh'])} ${pick(['Huệ', 'Đức', 'Lập', 'Nguyệt', 'Long', 'Nhân'])}`,
        exemplarType: collective ? 'collective' : 'individual', position: collective ? null : 'Chi hội trưởng', unit: pick(owners),
        modelName: `Dân vận khéo trong ${pick(themes)}`, award: pick(['Giấy khen', 'Bằng khen']), level: 'commune',
      });
      o.exemplars[collective ? 'collective' : 'individual']++;
    }
    o.registered += row.registered;
    for (const f of FIELDS) o.byField[f] += row.byField[f];
    o.fieldUnknown += row.fieldUnknown;
    for (const s of STATUSES) o.byStatus[s] += row.byStatus[s];
    o.childUnitsWithModel += row.registered > 0 ? 1 : 0;
    data.units.push(row);
    const rate = row.recognized / row.registered;
    data.quotas.push(
      { unitName, rule: 'Mỗi xã có ít nhất 05 mô hình ở cấp cơ sở trở lên', target: '≥ 5 mô hình', actual: String(row.registered), met: row.registered >= 5, note: null },
      { unitName, rule: 'Công nhận từ 50% số mô hình đăng ký trong năm', target: '≥ 50%', actual: `${Math.round(rate * 1000) / 10}%`, met: rate >= 0.5, note: null },
      { unitName, rule: 'Ít nhất 07 tập thể, cá nhân được công nhận điển hình', target: '≥ 7', actual: String(exemplars), met: exemplars >= 7, note: null },
    );
    for (const [deadline, dueText] of [['Đăng ký mô hình', '25/02/2026'], ['Báo cáo năm', '25/10/2026']] as const) {
      const status: SubmissionStatus = pick(['on_time', 'on_time', 'late', 'missing']);
      data.submissions.push({ unitName, deadline, dueText, status, receivedOn: status === 'missing' ? null : `${year}-02-20`, files: status === 'missing' ? 0 : 1, daysLate: status === 'late' ? 3 : null });
    }
  }
  o.recognizedTotal = o.recognized.commune + o.recognized.district + o.recognized.province;
  o.recognitionRate = o.registered > 0 ? o.recognizedTotal / o.registered : null;
  for (let y = year - 3; y <= year; y++) {
    const k = 0.7 + 0.1 * (y - year + 3);
    data.trend.push({ year: y, registered: Math.round(o.registered * k), recognized: Math.round(o.recognizedTotal * k), exemplars: Math.round((o.exemplars.collective + o.exemplars.individual) * k) });
  }
  return data;
}
