import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';

@ApiTags('auth')
@Controller('api/auth/me')
export class MeController {
  /** The signed-in user, for the web workspace to pick the right home. */
  @Get()
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  me(@CurrentUser() actor: Actor) {
    return actor;
  }
}
