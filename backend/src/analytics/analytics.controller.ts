import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MaybeScope } from '../auth/decorators.js';
import { withScopeUnit, type Scope } from '../auth/scope.js';
import { AnalyticsService } from './analytics.service.js';
import type { ChildrenBreakdown, Distribution, Overview, QuotaFulfilment, RecognitionRates, Trends } from './analytics.types.js';
import { ARROW_STREAM, ArrowInterceptor } from './arrow.interceptor.js';
import { RangeQueryDto, UnitYearQueryDto } from './dto/analytics-query.dto.js';

@ApiTags('analytics')
@Controller('analytics')
@UseInterceptors(ArrowInterceptor)
export class AnalyticsController {
  constructor(@Inject(AnalyticsService) private readonly analytics: AnalyticsService) {}

  @Get('overview')
  @ApiOkResponse({ description: 'Chỉ số tổng quan của đơn vị và cấp dưới trong năm: đăng ký (mới/duy trì/nhân rộng), công nhận theo cấp, tỷ lệ công nhận, điển hình, số đơn vị đạt mọi chỉ tiêu' })
  overview(@Query() query: UnitYearQueryDto, @MaybeScope() scope: Scope | null): Promise<Overview> {
    return this.analytics.overview(withScopeUnit(query, scope));
  }

  @Get('children')
  @ApiProduces('application/json', ARROW_STREAM)
  @ApiOkResponse({ description: 'Chỉ số theo từng đơn vị trực thuộc (xem chi tiết từng cấp); Arrow khi Accept: application/vnd.apache.arrow.stream' })
  children(@Query() query: UnitYearQueryDto, @MaybeScope() scope: Scope | null): Promise<ChildrenBreakdown> {
    return this.analytics.children(withScopeUnit(query, scope));
  }

  @Get('quota-fulfilment')
  @ApiProduces('application/json', ARROW_STREAM)
  @ApiOkResponse({ description: 'Mức đạt chỉ tiêu của từng đơn vị trực thuộc: đạt / chưa đạt / chưa đủ dữ liệu, với lý do' })
  quotaFulfilment(@Query() query: UnitYearQueryDto, @MaybeScope() scope: Scope | null): Promise<QuotaFulfilment> {
    return this.analytics.quotaFulfilment(withScopeUnit(query, scope));
  }

  @Get('recognition')
  @ApiProduces('application/json', ARROW_STREAM)
  @ApiOkResponse({ description: 'Tỷ lệ công nhận theo đơn vị, cấp công nhận và năm' })
  recognition(@Query() query: RangeQueryDto, @MaybeScope() scope: Scope | null): Promise<RecognitionRates> {
    return this.analytics.recognition(withScopeUnit(query, scope));
  }

  @Get('distribution')
  @ApiProduces('application/json', ARROW_STREAM)
  @ApiOkResponse({ description: 'Phân bố mô hình theo lĩnh vực, tình trạng (mới/duy trì/nhân rộng/loại bỏ) và chủ thể (tập thể/cá nhân)' })
  distribution(@Query() query: UnitYearQueryDto, @MaybeScope() scope: Scope | null): Promise<Distribution> {
    return this.analytics.distribution(withScopeUnit(query, scope));
  }

  @Get('trends')
  @ApiProduces('application/json', ARROW_STREAM)
  @ApiOkResponse({ description: 'Xu hướng qua các năm; mặc định theo cơ cấu hiện tại, số liệu đơn vị trước sáp nhập cộng vào đơn vị kế thừa' })
  trends(@Query() query: RangeQueryDto, @MaybeScope() scope: Scope | null): Promise<Trends> {
    return this.analytics.trends(withScopeUnit(query, scope));
  }
}
