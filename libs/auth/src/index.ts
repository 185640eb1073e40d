export * from './passwords';
export * from './password-policy';
export * from './policy';
export * from './current-user';
export * from './token-key';
export * from './session-stamp';
