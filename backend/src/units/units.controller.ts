import { Body, Controller, Get, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { MaybeScope } from '../auth/decorators.js';
import type { Scope } from '../auth/scope.js';
import { Received, UploadInterceptor, type ReceivedFile } from '../ingest/upload.interceptor.js';
import { AddAliasBody, ResolveQuery, UnitIdParam, UnitListQuery } from './dto/units.dto.js';
import type { Resolution } from './registry.js';
import { UnitsService, type UnitDetail, type UnitImportReport, type UnitPage } from './units.service.js';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(@Inject(UnitsService) private readonly units: UnitsService) {}

  @Get()
  list(@Query() query: UnitListQuery): Promise<UnitPage> {
    return this.units.list(query);
  }

  /** How a written name resolves: exact after folding, alias, or suggestions for a person to confirm. */
  @Get('resolve')
  resolve(@Query() query: ResolveQuery): Promise<Resolution> {
    return this.units.resolve(query.name, { year: query.year ?? null, scopeUnitId: query.scope ?? null });
  }

  @Get(':id')
  detail(@Param() params: UnitIdParam): Promise<UnitDetail> {
    return this.units.detail(params.id);
  }

  /** A person confirms another written form of this unit. */
  @Post(':id/aliases')
  addAlias(@Param() params: UnitIdParam, @Body() body: AddAliasBody, @MaybeScope() scope: Scope | null): Promise<UnitDetail> {
    return this.units.addAlias(params.id, body.alias, scope?.username ?? body.by ?? null);
  }

  /**
   * The office's unit list (.xlsx or .csv, field `file`): columns Mã, Tên đơn vị, Loại, Cấp,
   * Đơn vị cấp trên, Hiệu lực từ, Hiệu lực đến, Tên khác (;), Sáp nhập vào, Ngày sáp nhập.
   * All rows or none.
   */
  @Post('import')
  @UseInterceptors(UploadInterceptor('file', true))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  import(@Received() files: ReceivedFile[]): Promise<UnitImportReport> {
    return this.units.importReceived(files[0]!);
  }
}
