import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ExportQueryDto {
  @ApiPropertyOptional({ description: 'Đơn vị (mặc định: đơn vị của tài khoản, hoặc đơn vị cấp cao nhất)' })
  @IsOptional() @IsInt()
  unit?: number;

  @ApiPropertyOptional({ description: 'Năm tổng kết (mặc định: năm gần nhất có dữ liệu)' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Từ năm: thêm biểu đồ và câu so sánh qua các năm, từ năm này đến năm tổng kết' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  fromYear?: number;
}
