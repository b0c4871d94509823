import { describe, expect, it } from 'vitest';
import { mapColumns } from '../src/mapping/map.js';
import { headerKey, matchHeader } from '../src/mapping/vocabulary.js';

const role = (t: string) => matchHeader(t)?.role ?? null;

describe('header vocabulary', () => {
  it('matches with and without diacritics, any case, with line breaks', () => {
    for (const t of ['Tên mô hình', 'TÊN MÔ HÌNH', 'Ten mo hinh', 'Tên\nmô hình', 'Tên mô hình "Dân vận khéo"']) expect(role(t)).toBe('model_name');
    for (const t of ['Chủ thể thực hiện', 'Chu the\nthuc hien', 'Đơn vị / cá nhân', 'Đơn vị/cá nhân thực hiện', 'Chủ mô hình']) expect(role(t)).toBe('owner');
    expect(role('Lĩnh vực')).toBe('field');
    expect(role('LV')).toBe('field');
    expect(role('STT')).toBe('stt');
    expect(role('TT')).toBe('stt');
  });

  it('reads old and new tone placement alike', () => {
    expect(headerKey('Thời gian thực hiện (hoà giải)')).toBe(headerKey('Thời gian thực hiện (hòa giải)'));
  });

  it('ignores parentheticals and knows status headers', () => {
    expect(role('Hinh thuc\n(Moi/Duy tri/Nhan rong)')).toBe('status');
    expect(role('Mới / Duy trì / Nhân rộng')).toBe('status');
    expect(role('Phân loại')).toBe('status');
    expect(role('Thời gian thực hiện (từ … đến …)')).toBe('period');
  });

  it('maps recognition and exemplar headers', () => {
    expect(role('Số, ngày quyết định')).toBe('decision');
    expect(role('Số quyết định')).toBe('decision_no');
    expect(role('Hình thức khen thưởng')).toBe('award');
    expect(role('Họ và tên')).toBe('name');
    expect(role('Chức vụ')).toBe('position');
    expect(role('Cấp công nhận')).toBe('level');
  });

  it('leaves unknown headers unmapped', () => {
    expect(role('Kinh phí dự kiến (triệu đồng)')).toBeNull();
    expect(role('')).toBeNull();
  });
});

describe('mapColumns', () => {
  const col = (c: number, ...path: string[]) => ({ col: c, path, hidden: false });

  it('reads sub-columns with their parents', () => {
    const m = mapColumns(
      [
        col(0, 'STT', 'STT'),
        col(1, 'Thời gian thực hiện', 'Từ'),
        col(2, 'Thời gian thực hiện', 'Đến'),
        col(3, 'Phân loại', 'Mới'),
        col(4, 'Phân loại', 'Duy trì'),
        col(5, 'Phân loại', 'Nhân rộng'),
        col(6, 'Quyết định công nhận', 'Số'),
        col(7, 'Quyết định công nhận', 'Ngày'),
      ],
      'registration',
    );
    expect(m.map((x) => x.role)).toEqual(['stt', 'start_date', 'end_date', 'status_new', 'status_continued', 'status_replicated', 'decision_no', 'decision_date']);
    expect(m[3]?.header).toBe('Phân loại / Mới');
  });

  it('reads three-row headers by the nearest parent', () => {
    const m = mapColumns([col(0, 'Thông tin thực hiện', 'Thời gian thực hiện', 'Từ'), col(1, 'Thông tin thực hiện', 'Địa bàn', 'Địa bàn')], 'registration');
    expect(m.map((x) => x.role)).toEqual(['start_date', 'location']);
  });

  it('reads "Đơn vị" as the owner of a model, or the unit of an exemplar', () => {
    expect(mapColumns([col(0, 'Tên mô hình'), col(1, 'Đơn vị')], 'registration')[1]?.role).toBe('owner');
    expect(mapColumns([col(0, 'Họ và tên'), col(1, 'Đơn vị')], 'exemplar')[1]?.role).toBe('unit');
  });

  it('gives a role to one column only; the weaker goes to extra', () => {
    const m = mapColumns([col(0, 'Tên mô hình'), col(1, 'Mô hình tham gia')], 'registration');
    expect(m.filter((x) => x.role === 'model_name')).toHaveLength(1);
    expect(m[0]?.role).toBe('model_name');
  });

  it('reads report counts under their parents', () => {
    const m = mapColumns([col(0, 'Số mô hình đăng ký', 'Tổng số'), col(1, 'Số mô hình đăng ký', 'Mới'), col(2, 'Số mô hình được công nhận', 'Cấp huyện'), col(3, 'Điển hình', 'Cá nhân')], 'report');
    expect(m.map((x) => x.role)).toEqual(['models_registered', 'models_new', 'recognized_district', 'exemplars_individual']);
  });
});
