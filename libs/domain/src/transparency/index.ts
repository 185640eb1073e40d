export * from './report-period';
export * from './transparency-settings';
export * from './national-security';
export * from './build-report';
export * from './report-csv';
