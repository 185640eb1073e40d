import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK_NAMES } from '../deadlines/clock-catalogue';
import { REQUEST_TYPES } from '../request-types';
import { CONTRADICTION_CODES } from './contradiction-codes';
import { COUNSEL_SETTINGS } from './counsel-overrides';
import { REASON_CODES } from './reason-codes';

/** docs/legal-rules.md lists every rule, reason code, clock and counsel setting; this keeps it true. */
describe('docs/legal-rules.md', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/legal-rules.md'), 'utf8');
  it.each([
    ['request type', REQUEST_TYPES as readonly string[]],
    ['reason code', Object.keys(REASON_CODES)],
    ['contradiction', Object.keys(CONTRADICTION_CODES)],
    ['clock', CLOCK_NAMES as readonly string[]],
    ['counsel setting', COUNSEL_SETTINGS.map((s) => s.setting)],
  ])('lists every %s', (_kind, names) => {
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
