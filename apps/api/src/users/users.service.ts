import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, hashPassword, passwordProblems, verifyPassword } from '@custodian/auth';
import { UnitOfWork, UserEntity } from '@custodian/persistence';
import { SessionRegistry } from '../auth/session-registry.service';
import { losesAdmin, roleProblems } from './role-rules';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserView } from './user.view';

/** Serialises changes to accounts on PostgreSQL, so two admins cannot demote each other into "no admin left". */
const USERS_LOCK_KEY = 7922541;

function refuse(field: string, problems: string[]): never {
  throw new BadRequestException({ message: problems.map((p) => (p.startsWith(`${field}`) ? p : `${field}: ${p}`)), fields: { [field]: problems } });
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly sessions: SessionRegistry,
  ) {}

  async list() {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return { items: users.map(toUserView), total: users.length };
  }

  async create(body: CreateUserDto, actor: Actor | null, policy: { estimate?: boolean } = {}) {
    const problems = passwordProblems(body.password, [body.username, body.displayName, body.email ?? ''], policy);
    if (problems.length) refuse('password', problems);
    const roles = roleProblems(body.roles);
    if (roles.length) refuse('roles', roles);
    const passwordHash = await hashPassword(body.password);
    return this.unitOfWork.run(async (manager) => {
      if (await manager.exists(UserEntity, { where: { username: body.username } })) throw new ConflictException(`The username ${body.username} is taken`);
      const now = new Date();
      const user = manager.create(UserEntity, {
        id: randomUUID(), username: body.username, displayName: body.displayName, title: body.title, email: body.email ?? null,
        passwordHash, roles: body.roles, active: true, tokenVersion: 0, totpSecret: null, totpEnabled: false, createdAt: now, updatedAt: now,
      });
      await manager.insert(UserEntity, user);
      await this.auditLog.append(manager, { actor: actor && { id: actor.id, username: actor.username }, action: 'user.created', objectType: 'user', objectId: user.id, details: { roles: user.roles } });
      return toUserView(user);
    });
  }

  /**
   * An admin's change to an account. A password reset or a deactivation ends every token the user holds; an admin
   * cannot grant itself a role, no account combines admin with a case role, and the last active
   * admin cannot be demoted or deactivated (the API would then have nobody to manage it).
   */
  async update(id: string, body: UpdateUserDto, actor: Actor) {
    const target = await this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
    if (!target) throw new NotFoundException('User not found');
    if (body.password !== undefined) {
      const problems = passwordProblems(body.password, [body.username ?? target.username, body.displayName ?? target.displayName, body.email ?? target.email ?? '']);
      if (problems.length) refuse('password', problems);
    }
    if (body.roles) {
      const added = body.roles.filter((role) => !target.roles.includes(role));
      if (id === actor.id && added.length) throw new ForbiddenException(`You cannot grant yourself roles (${added.join(', ')}); another admin must do it`);
      const problems = roleProblems(body.roles);
      if (problems.length) refuse('roles', problems);
    }
    const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
    const endsSessions = passwordHash !== undefined || body.active === false;
    await this.sessions.beforeUserChange(id);
    try {
      return await this.unitOfWork.run(async (manager) => {
        await this.unitOfWork.lockChain(manager, USERS_LOCK_KEY);
        const user = await manager.findOne(UserEntity, { where: { id } });
        if (!user) throw new NotFoundException('User not found');
        if (body.username && body.username !== user.username && (await manager.exists(UserEntity, { where: { username: body.username } }))) {
          throw new ConflictException(`The username ${body.username} is taken`);
        }
        const after = { roles: body.roles ?? user.roles, active: body.active ?? user.active };
        if (losesAdmin(user, after) && (await this.otherActiveAdmins(manager, id)) === 0) {
          throw new ConflictException('This is the last active admin: make another account an admin first');
        }
        const { password: _password, ...changes } = body;
        Object.assign(user, changes, passwordHash ? { passwordHash } : {}, endsSessions ? { tokenVersion: user.tokenVersion + 1 } : {}, { updatedAt: new Date() });
        await manager.save(UserEntity, user);
        await this.auditLog.append(manager, {
          actor: { id: actor.id, username: actor.username }, action: 'user.updated', objectType: 'user', objectId: id,
          details: { fields: Object.keys(body).filter((k) => k !== 'password').concat(passwordHash ? ['password'] : []), roles: user.roles, sessionsEnded: endsSessions },
        });
        return toUserView(user);
      });
    } finally {
      await this.sessions.afterUserChange(id);
    }
  }

  /** One's own password change: the current password proves it is the user; every token of the user ends. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: actor.id } });
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) refuse('currentPassword', ['currentPassword is wrong']);
    if (newPassword === currentPassword) refuse('newPassword', ['newPassword must differ from the current one']);
    const problems = passwordProblems(newPassword, [user.username, user.displayName, user.email ?? '']).map((p) => p.replace(/^password/, 'newPassword'));
    if (problems.length) refuse('newPassword', problems);
    const passwordHash = await hashPassword(newPassword);
    await this.sessions.beforeUserChange(user.id);
    try {
      return await this.unitOfWork.run(async (manager) => {
        const fresh = await manager.findOneOrFail(UserEntity, { where: { id: user.id } });
        Object.assign(fresh, { passwordHash, tokenVersion: fresh.tokenVersion + 1, updatedAt: new Date() });
        await manager.save(UserEntity, fresh);
        await this.auditLog.append(manager, { actor: { id: actor.id, username: actor.username }, action: 'user.password_changed', objectType: 'user', objectId: user.id, details: { sessionsEnded: true } });
        return fresh;
      });
    } finally {
      await this.sessions.afterUserChange(user.id);
    }
  }

  /**
   * The first admin comes from ADMIN_USERNAME/ADMIN_PASSWORD, once, when no admin exists yet. Should every admin
   * have been lost anyway (an old database) while that username exists, the API still starts instead of refusing.
   */
  async ensureFirstAdmin(username: string | undefined, password: string | undefined): Promise<void> {
    if (!username || !password) return;
    const users = await this.dataSource.getRepository(UserEntity).find({ select: { id: true, roles: true, username: true } });
    if (users.some((user) => user.roles.includes('admin'))) return;
    if (users.some((user) => user.username === username)) return;
    // The configuration check already refused short, blank, repetitive and common passwords; the strength estimate
    // (a second of dictionary loading) is left to accounts created through the API.
    await this.create({ username, password, displayName: 'Administrator', title: 'Administrator', roles: ['admin'] }, null, { estimate: false });
  }

  private async otherActiveAdmins(manager: EntityManager, exceptId: string): Promise<number> {
    const users = await manager.find(UserEntity, { where: { active: true }, select: { id: true, roles: true } });
    return users.filter((user) => user.id !== exceptId && user.roles.includes('admin')).length;
  }
}
