import { describeError } from './safe-error';

describe('describeError: what may be logged of an error', () => {
  it('never includes the message, which may quote a patron row', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: (cardnumber)=(23000000012345) Nguyễn'), { code: '23505', constraint: 'patron_records_pkey', table: 'patron_records' });
    const described = describeError(error);
    expect(described).toBe('Error code=23505 constraint=patron_records_pkey table=patron_records');
    expect(described).not.toMatch(/23000000012345|Nguy/);
  });

  it('reads the driver error TypeORM wraps', () => {
    const wrapped = Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code: '40001', column: 'status' } });
    expect(describeError(wrapped)).toBe('QueryFailedError code=40001 column=status');
  });

  it('drops fields that are not short strings', () => {
    const error = Object.assign(new Error('x'), { code: 42, table: 'y'.repeat(65), routine: 'ExecConstraints' });
    expect(describeError(error)).toBe('Error routine=ExecConstraints');
  });

  it('names only the type of something thrown that is not an Error', () => {
    expect(describeError('Nguyễn Thảo')).toBe('string');
    expect(describeError({ cardnumber: '23000000012345' })).toBe('object');
  });
});
