import { Controller, Get, Inject, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/decorators.js';
import { ExportQueryDto } from './dto/export-query.dto.js';
import { ExportService, type ExportFile } from './export.service.js';

/** The ZIP as a download; the name is ASCII, with the RFC 5987 form beside it. */
const asDownload = (file: ExportFile): StreamableFile =>
  new StreamableFile(file.bytes, {
    type: 'application/zip',
    length: file.bytes.byteLength,
    disposition: `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });

@ApiTags('export')
@Controller('export')
export class ExportController {
  constructor(@Inject(ExportService) private readonly exports: ExportService) {}

  /** The year-end pack for the tổng kết conference: XLSX tables, PNG/SVG charts, the DOCX report draft, PPTX slides. */
  @Get()
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'Bộ tài liệu tổng kết năm (ZIP): bảng biểu XLSX, biểu đồ PNG và SVG, dự thảo báo cáo DOCX, trình chiếu PPTX' })
  async pack(@Query() query: ExportQueryDto, @Req() request: AuthedRequest): Promise<StreamableFile> {
    return asDownload(await this.exports.pack(query, request.scope ?? null));
  }
}
