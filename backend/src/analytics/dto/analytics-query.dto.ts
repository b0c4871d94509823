import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UnitYearQueryDto {
  @ApiPropertyOptional({ description: 'Đơn vị (mặc định: đơn vị cấp cao nhất)' })
  @IsOptional() @IsInt()
  unit?: number;

  @ApiPropertyOptional({ description: 'Năm (mặc định: năm gần nhất có dữ liệu)' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['year', 'current'], description: 'Cơ cấu đơn vị: của năm đó (mặc định) hoặc hiện tại (cộng dồn đơn vị trước sáp nhập)' })
  @IsOptional() @IsIn(['year', 'current'])
  structure?: 'year' | 'current';
}

export class RangeQueryDto {
  @ApiPropertyOptional({ description: 'Đơn vị (mặc định: đơn vị cấp cao nhất)' })
  @IsOptional() @IsInt()
  unit?: number;

  @ApiPropertyOptional({ description: 'Từ năm (mặc định: năm đầu có dữ liệu)' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  from?: number;

  @ApiPropertyOptional({ description: 'Đến năm (mặc định: năm gần nhất có dữ liệu)' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  to?: number;

  @ApiPropertyOptional({ enum: ['current', 'year'], description: 'Cơ cấu: hiện tại (mặc định, cộng dồn đơn vị trước sáp nhập vào đơn vị kế thừa) hoặc của từng năm' })
  @IsOptional() @IsIn(['current', 'year'])
  structure?: 'year' | 'current';

  @ApiPropertyOptional({ enum: ['total', 'children'], description: 'Tổng của đơn vị (mặc định) hoặc theo từng đơn vị trực thuộc' })
  @IsOptional() @IsIn(['total', 'children'])
  by?: 'total' | 'children';
}
