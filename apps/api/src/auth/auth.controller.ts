import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Public, verifyPassword } from '@custodian/auth';
import { UserEntity } from '@custodian/persistence';
import { toUserView } from '../users/user.view';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly auditLog: AuditLog,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  async login(@Body() body: LoginDto) {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username: body.username } });
    const valid = user !== null && user.active && (await verifyPassword(user.passwordHash, body.password));
    await this.auditLog.record({
      actor: user ? { id: user.id, username: user.username } : null,
      action: valid ? 'auth.login' : 'auth.login_failed',
      objectType: 'session',
      outcome: valid ? 'success' : 'denied',
    });
    if (!valid) throw new UnauthorizedException('Wrong username or password');
    return { accessToken: await this.jwt.signAsync({ sub: user.id }), user: toUserView(user) };
  }
}
