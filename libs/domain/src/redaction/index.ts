export * from './citations';
export * from './reason-codes';
export * from './field-policy';
export * from './redaction-options';
export * from './decide-record';
export * from './redact-record';
export * from './disclosed-values';
export * from './withholding-summary';
