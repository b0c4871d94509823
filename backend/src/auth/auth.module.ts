import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AUTH_CONFIG } from './auth-config.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { ScopeService } from './scope.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/**
 * AuthGuard is registered as APP_GUARD: every route is guarded (routes open
 * to anyone carry @Public()). Tests and benches read this flag.
 */
export const GUARD_IS_GLOBAL = true;

/**
 * Accounts, sessions, roles, unit scope and the audit log. Global, so any
 * module can inject AuditService and ScopeService without importing it.
 */
@Global()
@Module({
  controllers: [AuthController, UsersController, AuditController],
  providers: [
    { provide: AUTH_CONFIG, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.auth },
    AuthRepository,
    AuthService,
    AuditRepository,
    AuditService,
    ScopeService,
    UsersService,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AUTH_CONFIG, AuthService, AuditService, ScopeService, AuthGuard],
})
export class AuthModule {}
