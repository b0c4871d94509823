import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DatabaseModule } from './db/database.module.js';
import { ExportModule } from './export/export.module.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { UnitsModule } from './units/units.module.js';
import { PlansModule } from './plans/plans.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { ModelsModule } from './models/models.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
        }),
        ...(config.staticDir
          ? [ServeStaticModule.forRoot({ rootPath: config.staticDir, exclude: ['/api/{*path}'] })]
          : []),
        DatabaseModule,
        AuthModule,
        HealthModule,
        UnitsModule,
        IngestModule,
        PlansModule,
        AnalyticsModule,
        ModelsModule,
        ExportModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
