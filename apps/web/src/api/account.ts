import { api } from './client';
import type { LoginResponse } from './types';

/*
 * The signed-in person's own account: sign-in with a second factor, sign-out, password and TOTP enrolment.
 * One function per route, so the move to the generated client changes this file alone.
 */

/** POST /api/auth/login answers either a session or, once a second factor is confirmed, a pending token for it. */
export type LoginAnswer = LoginResponse | { secondFactorRequired: true; mfaToken: string; expiresAt: string };

export const login = (username: string, password: string) => api.post<LoginAnswer>('/api/auth/login', { username, password });

/** The second sign-in step: the code from the authenticator app, sent with the pending token (POST /api/auth/totp). */
export const completeLoginWithCode = (mfaToken: string, code: string) => api.postAs<LoginResponse>(mfaToken, '/api/auth/totp', { code });

/** Ends this token on the server at once, in every API process (POST /api/auth/logout). */
export const logout = () => api.post<void>('/api/auth/logout');

/** Changes one's own password; every other session ends and a new token is returned (POST /api/auth/password). */
export const changeOwnPassword = (currentPassword: string, newPassword: string) => api.post<LoginResponse>('/api/auth/password', { currentPassword, newPassword });

/** Starts TOTP enrolment (directors and admins): the secret and the otpauth:// address for the app. */
export const startTotpEnrolment = () => api.post<{ secret: string; otpauthUri: string }>('/api/auth/totp/enrol');

/** Confirms the enrolment with a first code; from then on every sign-in asks for one. */
export const confirmTotpEnrolment = (code: string) => api.post<void>('/api/auth/totp/confirm', { code });
