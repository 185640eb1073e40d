import { ApiError, plainMessage } from './errors';

describe('ApiError', () => {
  it('collects field errors from `fields` and from 422 details that name a field', () => {
    const error = new ApiError(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'Intake is not complete', details: [{ field: 'requester.agency', message: 'required' }] });
    expect(error.fieldErrors).toEqual({ 'requester.agency': ['Required'] });
    expect(error.contradictions).toEqual([]);
    const bad = new ApiError(400, { statusCode: 400, error: 'Bad Request', message: ['scope.from: bad'], fields: { 'scope.from': ['bad'] } });
    expect(bad.fieldErrors).toEqual({ 'scope.from': ['Bad'] });
    // Shown at the field, so not again in the list above the form.
    expect(bad.messages).toEqual([]);
  });

  it('recognises review contradictions', () => {
    const contradiction = { code: 'MISSING_REASONS', message: 'No reason', citation: 'Gov. Code § 7922.540' };
    const error = new ApiError(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'contradicts', details: [contradiction] });
    expect(error.contradictions).toEqual([contradiction]);
    expect(error.fieldErrors).toEqual({});
  });

  it('marks problems found before sending as local', () => {
    const error = ApiError.notSent({ 'requester.name': ['Enter a name.'] });
    expect(error.local).toBe(true);
    expect(error.fieldErrors).toEqual({ 'requester.name': ['Enter a name.'] });
  });

  it('turns developer messages into plain words', () => {
    expect(plainMessage('email must be an email', 'requester.email')).toBe('Enter an e-mail address such as name@agency.gov.');
    expect(plainMessage('password must be longer than or equal to 12 characters', 'password')).toBe('Use at least 12 characters.');
    expect(plainMessage('property foo should not exist', 'foo')).toBe('“foo” is not something this form accepts.');
    expect(plainMessage('to must be on or after from', 'scope.to')).toBe('Must be on or after from');
    const http = new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'HTTP 400 Bad Request' });
    expect(http.messages).toEqual(['Some of what was entered needs correcting']);
  });
});
