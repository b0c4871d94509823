import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MaybeScope } from '../auth/decorators.js';
import { visibilityOf, type Scope } from '../auth/scope.js';
import { EvaluationQueryDto, ImportPlanDto, ListPlansQueryDto, PlanBodyDto } from './dto/plan.dto.js';
import { PlansService } from './plans.service.js';
import type { PlanEvaluation, PlanSubmissions, PlanSummary, PlanView } from './plan.types.js';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(@Inject(PlansService) private readonly plans: PlansService) {}

  @Get()
  @ApiOkResponse({ description: 'Danh sách kế hoạch (lọc theo năm, đơn vị ban hành)' })
  list(@Query() query: ListPlansQueryDto, @MaybeScope() scope: Scope | null): Promise<PlanSummary[]> {
    return this.plans.list({ ...query, visible: visibilityOf(scope) });
  }

  @Post()
  @ApiOkResponse({ description: 'Tạo kế hoạch với các hạn và chỉ tiêu' })
  create(@Body() body: PlanBodyDto): Promise<PlanView> {
    return this.plans.create(body);
  }

  @Post('import')
  @ApiOkResponse({ description: 'Nhập kế hoạch từ nội dung JSON hoặc YAML; cùng mã thì thay thế' })
  import(@Body() body: ImportPlanDto): Promise<PlanView> {
    return this.plans.importText(body.content);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'Kế hoạch, các hạn (ngày như văn bản ghi và ngày ISO) và các vấn đề của văn bản' })
  get(@Param('id', ParseIntPipe) id: number): Promise<PlanView> {
    return this.plans.get(id);
  }

  @Put(':id')
  update(@Param('id', ParseIntPipe) id: number, @Body() body: PlanBodyDto): Promise<PlanView> {
    return this.plans.update(id, body);
  }

  @Delete(':id')
  @HttpCode(200)
  remove(@Param('id', ParseIntPipe) id: number): Promise<{ deleted: true }> {
    return this.plans.remove(id);
  }

  @Get(':id/evaluation')
  @ApiOkResponse({ description: 'Đánh giá từng chỉ tiêu: đạt / chưa đạt / chưa đủ dữ liệu, số thực tế, chỉ tiêu và lý do' })
  evaluate(@Param('id', ParseIntPipe) id: number, @Query() query: EvaluationQueryDto): Promise<PlanEvaluation> {
    return this.plans.evaluate(id, query);
  }

  @Get(':id/submissions')
  @ApiOkResponse({ description: 'Theo từng hạn: đơn vị nộp đúng hạn, trễ hạn, chưa nộp; danh sách cần đôn đốc' })
  submissions(@Param('id', ParseIntPipe) id: number, @Query() query: EvaluationQueryDto): Promise<PlanSubmissions> {
    return this.plans.submissions(id, query);
  }
}
