import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';
import { HealthService, type HealthStatus } from './health.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Cơ sở dữ liệu truy cập được; phiên bản lược đồ và ứng dụng.' })
  async get(): Promise<HealthStatus> {
    const status = await this.health.check();
    if (status.status !== 'ok') throw new ServiceUnavailableException(status);
    return status;
  }
}
