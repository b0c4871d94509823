import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from './audit.service.js';
import { AuthRepository, type UserView } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import type { CreateUserDto, UpdateUserDto } from './dto/auth.dto.js';
import { hashPassword, passwordProblem } from './password.js';
import { within, type Scope } from './scope.js';

/**
 * User management for admins. An admin manages only the accounts of units
 * in their own subtree; only an admin of the whole store (no unit) creates
 * other such admins. Users are disabled, never deleted, so the audit log
 * keeps naming them.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(AuthRepository) private readonly repository: AuthRepository,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  list(scope: Scope): Promise<UserView[]> {
    return this.repository.listUsers(within(scope));
  }

  async create(scope: Scope, dto: CreateUserDto): Promise<UserView> {
    const unitId = dto.unitId ?? null;
    await this.assertUnitManageable(scope, unitId);
    const id = await this.auth.createUser(
      { username: dto.username, password: dto.password, role: dto.role, unitId, displayName: dto.displayName ?? null },
      scope,
    );
    return this.view(scope, id);
  }

  async update(scope: Scope, id: number, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.repository.findUser(id);
    if (!user || !(await this.manageable(scope, user.unit_id))) {
      throw new NotFoundException({ statusCode: 404, message: 'Không tìm thấy tài khoản.' });
    }
    if (id === scope.userId && (dto.disabled === true || (dto.role !== undefined && dto.role !== user.role) || dto.unitId !== undefined)) {
      throw new ForbiddenException({ statusCode: 403, message: 'Không thể tự khóa, đổi vai trò hoặc đơn vị của chính mình.' });
    }
    const role = dto.role ?? user.role;
    const unitId = dto.unitId !== undefined ? dto.unitId : user.unit_id;
    if (dto.unitId !== undefined) await this.assertUnitManageable(scope, unitId);
    if (role !== 'admin' && unitId === null) {
      throw new BadRequestException({ statusCode: 400, message: 'Tài khoản cán bộ đơn vị hoặc lãnh đạo phải gắn với một đơn vị.' });
    }
    if (role === 'admin' && unitId === null && scope.rootUnitId !== null) {
      throw new ForbiddenException({ statusCode: 403, message: 'Chỉ quản trị toàn hệ thống mới tạo được quản trị toàn hệ thống.' });
    }
    let passwordHash: string | undefined;
    if (dto.password !== undefined) {
      const problem = passwordProblem(dto.password, user.username);
      if (problem) throw new BadRequestException({ statusCode: 400, message: problem });
      passwordHash = await hashPassword(dto.password);
    }
    await this.repository.updateUser(id, {
      role,
      unit_id: unitId,
      ...(dto.displayName !== undefined ? { display_name: dto.displayName } : {}),
      ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}),
      ...(passwordHash ? { password_hash: passwordHash, password_changed_at: new Date() } : {}),
    });
    // Anything that changes what the account may do ends its sessions.
    if (passwordHash || dto.disabled === true || role !== user.role || unitId !== user.unit_id) {
      await this.repository.deleteUserSessions(id);
    }
    this.auth.forgetUser(id);
    const { password: _password, ...shown } = dto;
    await this.audit.record({
      user: scope,
      action: dto.disabled === true ? 'user.disable' : 'user.update',
      target: `user:${id}`,
      detail: { ...shown, ...(passwordHash ? { passwordReset: true } : {}) },
    });
    return this.view(scope, id);
  }

  private async view(scope: Scope, id: number): Promise<UserView> {
    const users = await this.repository.listUsers(within(scope));
    const found = users.find((u) => u.id === id);
    if (!found) throw new NotFoundException({ statusCode: 404, message: 'Không tìm thấy tài khoản.' });
    return found;
  }

  private async manageable(scope: Scope, unitId: number | null): Promise<boolean> {
    if (scope.rootUnitId === null) return true;
    return unitId !== null && (await this.repository.unitWithin(unitId, scope.rootUnitId));
  }

  private async assertUnitManageable(scope: Scope, unitId: number | null): Promise<void> {
    if (unitId === null) {
      if (scope.rootUnitId !== null) throw new ForbiddenException({ statusCode: 403, message: 'Chỉ quản trị toàn hệ thống mới tạo được quản trị toàn hệ thống.' });
      return;
    }
    if (!(await this.repository.unitExists(unitId))) throw new BadRequestException({ statusCode: 400, message: `Không có đơn vị mã số ${unitId}.` });
    if (!(await this.manageable(scope, unitId))) {
      throw new ForbiddenException({ statusCode: 403, message: 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.' });
    }
  }
}
