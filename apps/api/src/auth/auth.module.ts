import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { tokenKey } from '@custodian/auth';
import { AppConfig } from '@custodian/config';
import { AUTH_REDIS, createAuthRedis } from './auth-redis';
import { LoginThrottle } from './login-throttle.service';
import { RejectedTokenAudit } from './rejected-token-audit.service';
import { SecondFactor } from './second-factor.service';
import { SessionRegistry } from './session-registry.service';

/** Tokens (signed with a key object built once), their registry, the sign-in throttle and the refused-token audit. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const key = tokenKey(config.JWT_SECRET);
        return { secretOrKeyProvider: () => key, signOptions: { expiresIn: config.TOKEN_TTL_SECONDS, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  providers: [
    { provide: AUTH_REDIS, inject: [AppConfig], useFactory: (config: AppConfig) => createAuthRedis(config.REDIS_URL) },
    SessionRegistry,
    LoginThrottle,
    RejectedTokenAudit,
    SecondFactor,
  ],
  exports: [AUTH_REDIS, SessionRegistry, LoginThrottle, RejectedTokenAudit, SecondFactor, JwtModule],
})
export class AuthModule {}
