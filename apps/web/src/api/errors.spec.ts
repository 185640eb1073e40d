import { ApiError } from './errors';

describe('ApiError', () => {
  it('collects field errors from `fields` and from 422 details that name a field', () => {
    const error = new ApiError(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'Intake is not complete', details: [{ field: 'requester.agency', message: 'required' }] });
    expect(error.fieldErrors).toEqual({ 'requester.agency': ['required'] });
    expect(error.contradictions).toEqual([]);
    const bad = new ApiError(400, { statusCode: 400, error: 'Bad Request', message: ['scope.from: bad'], fields: { 'scope.from': ['bad'] } });
    expect(bad.fieldErrors).toEqual({ 'scope.from': ['bad'] });
    expect(bad.messages).toEqual(['scope.from: bad']);
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
});
