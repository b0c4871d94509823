import { Body, Controller, Get, HttpCode, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AUTH_CONFIG, type AuthConfig } from './auth-config.js';
import { AuthService, type Me } from './auth.service.js';
import { clearSessionCookies, setSessionCookies } from './cookies.js';
import { AnyRoleMayWrite, CurrentScope, Public, type AuthedRequest } from './decorators.js';
import { ChangePasswordDto, LoginDto } from './dto/auth.dto.js';
import type { Scope } from './scope.js';

export interface SessionInfo {
  user: Me & { rootUnitId: number | null };
  /** Echo it in the x-csrf-token header on POST/PUT/PATCH/DELETE (it is also in the dvk_csrf cookie). */
  csrfToken: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập; đặt cookie phiên (httpOnly) và cookie mã CSRF.' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionInfo> {
    const result = await this.auth.login(dto.username, dto.password, req.ip ?? 'unknown', req.get('user-agent') ?? null).catch((error: unknown) => {
      if (error instanceof HttpException && error.getStatus() === 429) res.setHeader('Retry-After', String((error.getResponse() as { retryAfter: number }).retryAfter));
      throw error;
    });
    setSessionCookies(res, req, this.config, result);
    return { user: { ...result.me, rootUnitId: result.me.unitId }, csrfToken: result.csrfToken };
  }

  @Post('logout')
  @AnyRoleMayWrite()
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất: xóa phiên trên máy chủ và cookie.' })
  async logout(@CurrentScope() scope: Scope, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(scope, req.session!.id);
    clearSessionCookies(res, req, this.config);
  }

  @Get('me')
  @ApiOperation({ summary: 'Người đang đăng nhập, vai trò, đơn vị và mã CSRF của phiên.' })
  me(@CurrentScope() scope: Scope, @Req() req: AuthedRequest): SessionInfo {
    return {
      user: { id: scope.userId, username: scope.username, displayName: scope.displayName, role: scope.role, unitId: scope.rootUnitId, rootUnitId: scope.rootUnitId },
      csrfToken: req.session!.csrfToken,
    };
  }

  @Post('password')
  @AnyRoleMayWrite()
  @HttpCode(204)
  @ApiOperation({ summary: 'Đổi mật khẩu của chính mình; các phiên khác bị đăng xuất.' })
  changePassword(@CurrentScope() scope: Scope, @Req() req: AuthedRequest, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changeOwnPassword(scope, req.session!.id, dto.currentPassword, dto.newPassword);
  }
}
