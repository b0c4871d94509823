import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { UNIT_KINDS, UNIT_LEVELS } from '../unit-list.reader.js';

export class UnitListQuery {
  @ApiPropertyOptional({ description: 'Tìm theo tên hoặc tên gọi khác (không phân biệt dấu, hoa thường)' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional() @IsIn(UNIT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS })
  @IsOptional() @IsIn(UNIT_LEVELS)
  level?: string;

  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  parentId?: number;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset: number = 0;
}

export class ResolveQuery {
  @IsString() @IsNotEmpty() @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ description: 'Năm của văn bản: chỉ các đơn vị còn hiệu lực trong năm đó' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Đơn vị ban hành: tên không ghi địa danh được hiểu trong xã của đơn vị này' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  scope?: number;
}

export class UnitIdParam {
  @Type(() => Number) @IsInt() @Min(1)
  id!: number;
}

export class AddAliasBody {
  @IsString() @IsNotEmpty() @MaxLength(300)
  alias!: string;

  @ApiPropertyOptional({ description: 'Người xác nhận' })
  @IsOptional() @IsString() @MaxLength(100)
  by?: string;
}
