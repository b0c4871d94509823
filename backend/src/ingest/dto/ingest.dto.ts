import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class IdParam {
  @Type(() => Number) @IsInt() @Min(1)
  id!: number;
}

export class PageQuery {
  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset: number = 0;
}

export class RecentBatchesQuery {
  @ApiPropertyOptional({ default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 20;
}

export class FileListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['loaded', 'superseded', 'deleted'] })
  @IsOptional() @IsIn(['loaded', 'superseded', 'deleted'])
  status?: string;

  @ApiPropertyOptional({ enum: ['registration', 'recognition', 'exemplar', 'report', 'unknown'] })
  @IsOptional() @IsIn(['registration', 'recognition', 'exemplar', 'report', 'unknown'])
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ description: 'Tìm theo tên tệp' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

export class FileRecordsQuery extends PageQuery {
  @ApiProperty({ enum: ['registration', 'recognition', 'exemplar', 'report'] })
  @IsIn(['registration', 'recognition', 'exemplar', 'report'])
  type!: 'registration' | 'recognition' | 'exemplar' | 'report';
}

/** Who acts and why (until auth names the user). */
export class ActorQuery {
  @ApiPropertyOptional({ description: 'Người thực hiện' })
  @IsOptional() @IsString() @MaxLength(100)
  by?: string;

  @ApiPropertyOptional({ description: 'Lý do' })
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export const REVIEW_REASONS = [
  'field_inferred', 'unresolved_owner', 'unresolved_unit', 'unknown_year', 'no_records', 'invalid_date',
  'low_confidence_mapping', 'possible_duplicate', 'possible_model_match', 'etl_warning',
];

/** withdrawn: a doubt the data no longer supports (the other file of a possible duplicate stopped counting). */
export const REVIEW_STATES = ['open', 'confirmed', 'corrected', 'rejected', 'withdrawn'];

export class ReviewListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVIEW_STATES, default: 'open' })
  @IsOptional() @IsIn(REVIEW_STATES)
  state?: string = 'open';

  @ApiPropertyOptional({ enum: REVIEW_REASONS })
  @IsOptional() @IsIn(REVIEW_REASONS)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  fileId?: number;
}

export class ReviewDecisionBody extends ActorQuery {
  @ApiPropertyOptional({ description: 'Đơn vị được chọn (chủ thể hoặc đơn vị ban hành chưa khớp)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ description: 'Mô hình năm trước mà dòng này duy trì' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  modelId?: number;
}

export class ReviewCorrectionBody extends ActorQuery {
  @ApiProperty({ description: 'Trường → giá trị mới, ví dụ { "field": "economy", "owner_unit_id": 12 }', type: 'object', additionalProperties: true })
  @IsObject()
  changes!: Record<string, unknown>;
}
