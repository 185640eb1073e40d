import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ActorView } from '../users/user.view';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';

@ApiTags('auth')
@Controller('api/auth/me')
export class MeController {
  /** The signed-in user, for the web workspace to pick the right home. */
  @Get()
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: ActorView })
  me(@CurrentUser() actor: Actor): ActorView {
    return actor;
  }
}
