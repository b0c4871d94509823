import { Controller, Get, HttpCode, Inject, Param, Post, Query, Sse, UseInterceptors, type MessageEvent } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { MaybeScope } from '../auth/decorators.js';
import { visibilityOf, type Scope } from '../auth/scope.js';
import { IdParam, RecentBatchesQuery } from './dto/ingest.dto.js';
import { Received, UploadInterceptor, type ReceivedFile } from './upload.interceptor.js';
import { UploadsService, type BatchView } from './uploads.service.js';

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(@Inject(UploadsService) private readonly uploads: UploadsService) {}

  /** Many files at once (field `files`); answers 202 with the batch and one queued job per file. */
  @Post()
  @HttpCode(202)
  @UseInterceptors(UploadInterceptor('files'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  upload(@Received() files: ReceivedFile[], @MaybeScope() scope: Scope | null): Promise<BatchView> {
    return this.uploads.upload(files, scope?.username ?? null);
  }

  /** Reads again every loaded file with rows still waiting for a unit (after a unit list import); answers 202 with the batch. */
  @Post('reload-waiting')
  @HttpCode(202)
  reloadWaiting(@MaybeScope() scope: Scope | null): Promise<BatchView> {
    return this.uploads.reloadWaiting(scope?.username ?? null, visibilityOf(scope));
  }

  @Get()
  recent(@Query() query: RecentBatchesQuery, @MaybeScope() scope: Scope | null): Promise<BatchView[]> {
    return this.uploads.recent(query.limit, visibilityOf(scope));
  }

  @Get(':id')
  batch(@Param() params: IdParam): Promise<BatchView> {
    return this.uploads.batch(params.id);
  }

  /** Server-sent events: 'batch' (snapshot), 'job' (each state change), 'done'. */
  @Sse(':id/events')
  events(@Param() params: IdParam): Observable<MessageEvent> {
    return this.uploads.sse(params.id);
  }

  /** Queues the batch's failed files again. */
  @Post(':id/retry')
  @HttpCode(202)
  retry(@Param() params: IdParam): Promise<BatchView> {
    return this.uploads.retry(params.id);
  }
}
