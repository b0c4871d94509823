import { describe, it, expect } from 'vitest';
import type { OwnerType } from '../../src/contract.js';
import { ownerTypeFromName, ownerTypeFromText, stripHonorific } from '../../src/normalise/owner.js';

describe('ownerTypeFromName', () => {
  it.each<[string | null | undefined, OwnerType | null]>([
    ['Chi bộ thôn Đông', 'collective'],
    ['CB Quân sự', 'collective'],
    ['Chi bộ Quân sự', 'collective'],
    ['Đảng ủy xã', 'collective'],
    ['Đảng uỷ xã Thanh Miện', 'collective'],
    ['ĐU xã', 'collective'],
    ['Đảng bộ Xí nghiệp Khai thác công trình thuỷ lợi', 'collective'],
    ['Hội Nông dân xã', 'collective'],
    ['Hội Liên hiệp Phụ nữ xã', 'collective'],
    ['Đoàn Thanh niên', 'collective'],
    ['Đoàn TN xã', 'collective'],
    ['UBND xã', 'collective'],
    ['Ủy ban nhân dân xã', 'collective'],
    ['Uỷ ban MTTQ Việt Nam xã', 'collective'],
    ['MTTQ xã', 'collective'],
    ['Ban Dân vận', 'collective'],
    ['Công an xã', 'collective'],
    ['Trường THCS Đông La', 'collective'],
    ['Trạm Y tế', 'collective'],
    ['Hợp tác xã Nông nghiệp', 'collective'],
    ['HTX Dịch vụ nông nghiệp', 'collective'],
    ['Tổ dân vận thôn 1', 'collective'],
    ['Thôn Đông', 'collective'],
    ['Khu dân cư số 3', 'collective'],
    ['Câu lạc bộ dưỡng sinh', 'collective'],
    ['CLB Nữ doanh nhân', 'collective'],
    ['Công ty TNHH May Đông La', 'collective'],
    ['1. Chi bộ thôn Tây', 'collective'],
    ['Nguyễn Văn An', 'individual'],
    ['NGUYỄN VĂN AN', 'individual'],
    ['Trần Thị Bình', 'individual'],
    ['Đồng chí Trần Thị Bình', 'individual'],
    ['Đ/c Lê Văn Cường', 'individual'],
    ['đ/c Lê Văn Cường', 'individual'],
    ['Ông Phạm Văn Đức', 'individual'],
    ['Bà Nguyễn Thị Hoa', 'individual'],
    ['Đoàn Văn Hậu', 'individual'],
    ['Tô Thị Lan', 'individual'],
    ['Nguyễn Văn An - Bí thư Chi bộ thôn Đông', 'individual'],
    ['Lò Văn Sơn, Trưởng bản', 'individual'],
    ['Tổ Dân Vận', 'collective'],
    ['Tổ dân vận', 'collective'],
    ['Phạm Thanh Bình', 'individual'],
    ['Lê Văn Công', 'individual'],
    ['NGUYEN VAN AN', 'individual'],
    ['Hà Văn Xã', null],
    ['Thanh Miện', null],
    ['Mô hình số 3', null],
    ['', null],
    [null, null],
  ])('%s → %s', (name, expected) => {
    expect(ownerTypeFromName(name)).toBe(expected);
  });
});

describe('ownerTypeFromText', () => {
  it.each<[string | null, OwnerType | null]>([
    ['Tập thể', 'collective'],
    ['TT', 'collective'],
    ['tap the', 'collective'],
    ['A. TẬP THỂ', 'collective'],
    ['I. Điển hình tập thể (07)', 'collective'],
    ['Cá nhân', 'individual'],
    ['CN', 'individual'],
    ['B. CÁ NHÂN', 'individual'],
    ['II. Cá nhân', 'individual'],
    ['Tập thể, cá nhân', null],
    ['Chi bộ thôn Đông', null],
    ['', null],
    [null, null],
  ])('%s → %s', (text, expected) => {
    expect(ownerTypeFromText(text)).toBe(expected);
  });
});

describe('stripHonorific', () => {
  it.each([
    ['Đồng chí Nguyễn Văn An', 'Nguyễn Văn An'],
    ['đồng chí Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Đ/c Lê Văn Cường', 'Lê Văn Cường'],
    ['đ/c Lê Văn Cường', 'Lê Văn Cường'],
    ['Đ/c: Lê Văn Cường', 'Lê Văn Cường'],
    ['Ông Phạm Văn Đức', 'Phạm Văn Đức'],
    ['Bà Nguyễn Thị Hoa', 'Nguyễn Thị Hoa'],
    ['Anh Trần Văn Tú', 'Trần Văn Tú'],
    ['Chị Lê Thị Mai', 'Lê Thị Mai'],
    ['Cô Đỗ Thị Lan', 'Đỗ Thị Lan'],
    ['Thầy Vũ Minh Đức', 'Vũ Minh Đức'],
    ['Cụ Hoàng Văn Ba', 'Hoàng Văn Ba'],
    ['  Ông  Phạm Văn Đức ', 'Phạm Văn Đức'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Bàn Văn Sinh', 'Bàn Văn Sinh'],
    ['Ông', 'Ông'],
  ])('%s → %s', (input, expected) => {
    expect(stripHonorific(input)).toBe(expected);
  });
});
