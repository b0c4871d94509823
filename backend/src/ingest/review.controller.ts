import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MaybeScope } from '../auth/decorators.js';
import { signedBy, visibilityOf, type Scope } from '../auth/scope.js';
import { IdParam, ReviewCorrectionBody, ReviewDecisionBody, ReviewListQuery } from './dto/ingest.dto.js';
import { ReviewService, type ReviewItemView, type ReviewPage } from './review.service.js';

@ApiTags('review')
@Controller('review')
export class ReviewController {
  constructor(@Inject(ReviewService) private readonly review: ReviewService) {}

  /** Doubts raised while loading (open by default), each naming its file, sheet and row. */
  @Get()
  list(@Query() query: ReviewListQuery, @MaybeScope() scope: Scope | null): Promise<ReviewPage> {
    return this.review.list({ ...query, visible: visibilityOf(scope) });
  }

  @Get(':id')
  get(@Param() params: IdParam): Promise<ReviewItemView> {
    return this.review.get(params.id);
  }

  /** The reading was right; or pick a suggested unit (unitId) or earlier model (modelId). */
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@Param() params: IdParam, @Body() body: ReviewDecisionBody, @MaybeScope() scope: Scope | null): Promise<ReviewItemView> {
    return this.review.confirm(params.id, signedBy(body, scope), scope);
  }

  /** Changes fields of the row (or the file); stored as corrections and re-applied on reload. */
  @Post(':id/correct')
  @HttpCode(200)
  correct(@Param() params: IdParam, @Body() body: ReviewCorrectionBody, @MaybeScope() scope: Scope | null): Promise<ReviewItemView> {
    return this.review.correct(params.id, signedBy(body, scope), scope);
  }

  /** The row is not data (removed now and on every reload). */
  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param() params: IdParam, @Body() body: ReviewDecisionBody, @MaybeScope() scope: Scope | null): Promise<ReviewItemView> {
    return this.review.reject(params.id, signedBy(body, scope));
  }
}
