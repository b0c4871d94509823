import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MaybeScope } from '../auth/decorators.js';
import type { Scope } from '../auth/scope.js';
import { ModelIdParam, ModelListQueryDto } from './dto/models.dto.js';
import { ModelsService } from './models.service.js';
import type { ModelDetail, ModelPage } from './models.types.js';

@ApiTags('models')
@Controller('models')
export class ModelsController {
  constructor(@Inject(ModelsService) private readonly models: ModelsService) {}

  /** Models with their latest registration; search ignores diacritics and tone placement. */
  @Get()
  list(@Query() query: ModelListQueryDto, @MaybeScope() scope: Scope | null): Promise<ModelPage> {
    return this.models.list(query, scope);
  }

  /** A model across the years, every value with the file and cell it came from. */
  @Get(':id')
  detail(@Param() params: ModelIdParam, @MaybeScope() scope: Scope | null): Promise<ModelDetail> {
    return this.models.detail(params.id, scope);
  }
}
