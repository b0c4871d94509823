import { Controller, Delete, Get, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MaybeScope } from '../auth/decorators.js';
import { visibilityOf, type Scope } from '../auth/scope.js';
import type { StoreSummary } from './ingest.repository.js';
import { ActorQuery, FileListQuery, FileRecordsQuery, IdParam } from './dto/ingest.dto.js';
import { FilesService, type FileDetail, type FilePage, type FileRecords, type FileView } from './files.service.js';

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(@Inject(FilesService) private readonly files: FilesService) {}

  /** How many files and rows the store holds; rows count only in loaded files. */
  @Get('summary')
  summary(@MaybeScope() scope: Scope | null): Promise<StoreSummary> {
    return this.files.summary(visibilityOf(scope));
  }

  @Get()
  list(@Query() query: FileListQuery, @MaybeScope() scope: Scope | null): Promise<FilePage> {
    return this.files.list({ ...query, visible: visibilityOf(scope) });
  }

  @Get(':id')
  detail(@Param() params: IdParam): Promise<FileDetail> {
    return this.files.detail(params.id);
  }

  /** The file's rows with their provenance (sheet, row, cells) and unmapped columns. */
  @Get(':id/records')
  records(@Param() params: IdParam, @Query() query: FileRecordsQuery): Promise<FileRecords> {
    return this.files.records(params.id, query.type, query.limit, query.offset);
  }

  /** The original bytes as uploaded. */
  @Get(':id/raw')
  raw(@Param() params: IdParam): Promise<StreamableFile> {
    return this.files.download(params.id);
  }

  /** Deletes the file's data (audited); the raw file stays until purged. */
  @Delete(':id')
  remove(@Param() params: IdParam, @Query() actor: ActorQuery, @MaybeScope() scope: Scope | null): Promise<FileView> {
    return this.files.remove(params.id, scope?.username ?? actor.by ?? null, actor.reason ?? null);
  }

  /** Makes a superseded (or deleted) version count again. */
  @Post(':id/restore')
  restore(@Param() params: IdParam, @Query() actor: ActorQuery, @MaybeScope() scope: Scope | null): Promise<FileView> {
    return this.files.restore(params.id, scope?.username ?? actor.by ?? null);
  }

  /** Reads the raw file again and replaces its rows; corrections are re-applied. */
  @Post(':id/reload')
  reload(@Param() params: IdParam, @Query() actor: ActorQuery, @MaybeScope() scope: Scope | null): Promise<FileView> {
    return this.files.reload(params.id, scope?.username ?? actor.by ?? null);
  }

  /** Admin: removes the raw bytes of a deleted file for good. */
  @Delete(':id/raw')
  purge(@Param() params: IdParam, @Query() actor: ActorQuery, @MaybeScope() scope: Scope | null): Promise<FileView> {
    return this.files.purge(params.id, scope?.username ?? actor.by ?? null);
  }
}
