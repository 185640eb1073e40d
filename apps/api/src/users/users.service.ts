import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, hashPassword } from '@custodian/auth';
import { UnitOfWork, UserEntity } from '@custodian/persistence';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserView } from './user.view';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
  ) {}

  async list() {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return { items: users.map(toUserView), total: users.length };
  }

  async create(body: CreateUserDto, actor: Actor | null) {
    const passwordHash = await hashPassword(body.password);
    return this.unitOfWork.run(async (manager) => {
      if (await manager.exists(UserEntity, { where: { username: body.username } })) throw new ConflictException(`The username ${body.username} is taken`);
      const now = new Date();
      const user = manager.create(UserEntity, {
        id: randomUUID(), username: body.username, displayName: body.displayName, title: body.title, email: body.email ?? null,
        passwordHash, roles: body.roles, active: true, createdAt: now, updatedAt: now,
      });
      await manager.insert(UserEntity, user);
      await this.auditLog.append(manager, { actor: actor && { id: actor.id, username: actor.username }, action: 'user.created', objectType: 'user', objectId: user.id, details: { roles: user.roles } });
      return toUserView(user);
    });
  }

  async update(id: string, body: UpdateUserDto, actor: Actor) {
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.unitOfWork.run(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id } });
      if (!user) throw new NotFoundException('User not found');
      if (body.username && body.username !== user.username && (await manager.exists(UserEntity, { where: { username: body.username } }))) {
        throw new ConflictException(`The username ${body.username} is taken`);
      }
      const { password: _password, ...changes } = body;
      Object.assign(user, changes, passwordHash ? { passwordHash } : {}, { updatedAt: new Date() });
      await manager.save(UserEntity, user);
      await this.auditLog.append(manager, {
        actor: { id: actor.id, username: actor.username }, action: 'user.updated', objectType: 'user', objectId: id,
        details: { fields: Object.keys(body).filter((k) => k !== 'password').concat(passwordHash ? ['password'] : []), roles: user.roles },
      });
      return toUserView(user);
    });
  }

  /** The first admin comes from ADMIN_USERNAME/ADMIN_PASSWORD, once, when no admin exists yet. */
  async ensureFirstAdmin(username: string | undefined, password: string | undefined): Promise<void> {
    if (!username || !password) return;
    const users = await this.dataSource.getRepository(UserEntity).find({ select: { id: true, roles: true } });
    if (users.some((user) => user.roles.includes('admin'))) return;
    await this.create({ username, password, displayName: 'Administrator', title: 'Administrator', roles: ['admin'] }, null);
  }
}
