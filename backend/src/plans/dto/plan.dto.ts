import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * A plan as posted to the API (the same shape as sample-data/plans/*.yaml).
 * Top-level fields are validated here; deadlines and rules are checked in
 * depth by checkPlanDocument(), which names every problem in Vietnamese.
 */
export class PlanBodyDto {
  @ApiPropertyOptional({ description: 'Mã ổn định của kế hoạch, ví dụ "seed-004-2026"' })
  @IsOptional() @IsString() @MaxLength(100)
  code?: string;

  @ApiProperty({ example: 2026 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiProperty({ description: 'Tên kế hoạch' })
  @IsString() @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: 'Đơn vị ban hành như văn bản ghi' })
  @IsOptional() @IsString() @MaxLength(300)
  issuer?: string;

  @ApiPropertyOptional({ description: 'Mã đơn vị ban hành trong danh mục' })
  @IsOptional() @IsInt()
  issuerUnitId?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000)
  sourceDocument?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  notes?: string;

  @ApiProperty({ description: 'Các hạn: { kind, label, text: "DD/MM/YYYY", document, period, submitters }' })
  @IsArray() @Type(() => Object)
  deadlines!: Record<string, unknown>[];

  @ApiProperty({ description: 'Các chỉ tiêu: { code, description, shape, params }' })
  @IsArray() @Type(() => Object)
  rules!: Record<string, unknown>[];
}

export class ImportPlanDto {
  @ApiProperty({ description: 'Nội dung tệp kế hoạch, JSON hoặc YAML' })
  @IsString() @MaxLength(1_000_000)
  content!: string;
}

export class ListPlansQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Mã đơn vị ban hành' }) @IsOptional() @IsInt()
  issuer?: number;
}

export class EvaluationQueryDto {
  @ApiPropertyOptional({ description: 'Đơn vị được đánh giá (mặc định: đơn vị ban hành)' })
  @IsOptional() @IsInt()
  unit?: number;

  @ApiPropertyOptional({ description: 'Đánh giá theo dữ liệu đã nhận đến hết ngày này (YYYY-MM-DD); mặc định: hiện tại' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
}
