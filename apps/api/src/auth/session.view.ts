import { ApiProperty } from '@nestjs/swagger';
import { Text } from '../openapi/schema';
import { UserView } from '../users/user.view';

/** A signed-in session: the bearer token for every other call, when it expires, and who it is. */
export class SessionView {
  @Text({ example: 'eyJhbGciOiJIUzI1NiJ9…' }) accessToken: string;
  @Text({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: UserView }) user: UserView;
}

/** The password was right and the account has a second factor: send a code to POST /api/auth/totp with this token. */
export class SecondFactorPendingView {
  @ApiProperty({ enum: [true] }) secondFactorRequired: true;
  @Text({ description: 'Opens only POST /api/auth/totp' }) mfaToken: string;
  @Text({ format: 'date-time' }) expiresAt: string;
}

export class TotpEnrolmentView {
  @Text({ description: 'Base32 secret for the authenticator app' }) secret: string;
  @Text({ example: 'otpauth://totp/Custodian:mlopez?secret=…' }) otpauthUri: string;
}
