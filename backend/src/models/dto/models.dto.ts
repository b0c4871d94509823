import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MODEL_SORTS = ['name', 'year', 'unit', 'field'] as const;
export const RECOGNIZED_FILTERS = ['any', 'none', 'commune', 'district', 'province'] as const;

export class ModelListQueryDto {
  @ApiPropertyOptional({ description: 'Tìm theo tên mô hình, chủ thể, đơn vị; không phân biệt dấu ("hoa giai" tìm được "hòa giải")' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['economy', 'culture_society', 'defense_security', 'political_system'] })
  @IsOptional() @IsIn(['economy', 'culture_society', 'defense_security', 'political_system'])
  field?: string;

  @ApiPropertyOptional({ enum: ['new', 'continued', 'replicated', 'dropped'] })
  @IsOptional() @IsIn(['new', 'continued', 'replicated', 'dropped'])
  status?: string;

  @ApiPropertyOptional({ enum: RECOGNIZED_FILTERS, description: 'Đã được công nhận (bất kỳ cấp nào, hoặc cấp cụ thể) hay chưa' })
  @IsOptional() @IsIn(RECOGNIZED_FILTERS)
  recognized?: (typeof RECOGNIZED_FILTERS)[number];

  @ApiPropertyOptional({ description: 'Năm đăng ký' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Đơn vị (cả các đơn vị trực thuộc và đơn vị trước sáp nhập)' })
  @IsOptional() @IsInt()
  unit?: number;

  @ApiPropertyOptional({ enum: MODEL_SORTS })
  @IsOptional() @IsIn(MODEL_SORTS)
  sort?: (typeof MODEL_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional() @IsInt() @Min(1) @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional() @IsInt() @Min(1) @Max(200)
  pageSize?: number;
}

export class ModelIdParam {
  @IsInt() @Min(1)
  id!: number;
}
