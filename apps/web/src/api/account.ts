import { api, client, ok } from './client';

/*
 * The signed-in person's own account: sign-in with a second factor, sign-out, password and TOTP enrolment.
 * One function per route, each the generated client's typed call.
 */

/** POST /api/auth/login answers either a session or, once a second factor is confirmed, a pending token for it. */
export const login = (username: string, password: string) => api.POST('/api/auth/login', { body: { username, password } });
export type LoginAnswer = Awaited<ReturnType<typeof login>>;

/**
 * The second sign-in step: the code from the authenticator app, sent with the pending token instead of a stored
 * one (POST /api/auth/totp). Its 401 is a wrong code, not the end of a session.
 */
export const completeLoginWithCode = (mfaToken: string, code: string) =>
  ok(client.POST('/api/auth/totp', { body: { code }, headers: { authorization: `Bearer ${mfaToken}` } }));

/** Ends this token on the server at once, in every API process (POST /api/auth/logout). */
export const logout = () => api.POST('/api/auth/logout');

/** Changes one's own password; every other session ends and a new token is returned (POST /api/auth/password). */
export const changeOwnPassword = (currentPassword: string, newPassword: string) => api.POST('/api/auth/password', { body: { currentPassword, newPassword } });

/** Starts TOTP enrolment (directors and admins): the secret and the otpauth:// address for the app. */
export const startTotpEnrolment = () => api.POST('/api/auth/totp/enrol');

/** Confirms the enrolment with a first code; from then on every sign-in asks for one. */
export const confirmTotpEnrolment = (code: string) => api.POST('/api/auth/totp/confirm', { body: { code } });
