import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntry } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { CurrentScope, Roles } from './decorators.js';
import { AuditQueryDto } from './dto/auth.dto.js';
import type { Scope } from './scope.js';

@ApiTags('audit')
@Controller('audit')
@Roles('admin')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** Newest first: who, when, what, from where (an admin of a unit sees its subtree's users only). */
  @Get()
  list(@CurrentScope() scope: Scope, @Query() query: AuditQueryDto): Promise<AuditEntry[]> {
    return this.audit.list(scope, { ...query, limit: query.limit ?? 100, offset: query.offset ?? 0 });
  }
}
