import { interpretViesAnswer, viesErrorCode, viesReason, viesUnknown } from '../../src/domain/vies';
import valid from '../fixtures/vies/valid.json';
import invalid from '../fixtures/vies/invalid.json';
import msUnavailable from '../fixtures/vies/ms-unavailable.json';

const now = new Date('2026-11-28T12:00:00.000Z');

describe('VIES answers', () => {
  it('valid: name and one-line address, checked at the VIES request date', () => {
    expect(interpretViesAnswer('FR44732829320', valid, now)).toEqual({
      vatNumber: 'FR44732829320',
      status: 'valid',
      name: 'SA EXEMPLE INDUSTRIES',
      address: '12 RUE DE LA PAIX, 75002 PARIS',
      checkedAt: '2026-11-28T10:15:42.118Z',
    });
  });

  it('invalid: no "---" placeholders copied', () => {
    expect(interpretViesAnswer('DE123456789', invalid, now)).toEqual({
      vatNumber: 'DE123456789',
      status: 'invalid',
      checkedAt: '2026-11-28T10:16:03.540Z',
      reason: 'VIES does not know this VAT number',
    });
  });

  it.each(['MS_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'MS_MAX_CONCURRENT_REQ', 'GLOBAL_MAX_CONCURRENT_REQ'])(
    '%s in errorWrappers or userError is unknown, not invalid',
    (code) => {
      for (const body of [{ actionSucceed: false, errorWrappers: [{ error: code }] }, { isValid: false, userError: code }]) {
        const result = interpretViesAnswer('DE123456789', body, now);
        expect(result.status).toBe('unknown');
        expect(result.reason).toMatch(new RegExp(`^${code}: `));
        expect(result.checkedAt).toBe(now.toISOString());
      }
    }
  );

  it('reads the userError variant (isValid / userError VALID)', () => {
    expect(interpretViesAnswer('DE123456789', { isValid: true, userError: 'VALID', name: 'X GMBH' }, now)).toMatchObject({ status: 'valid', name: 'X GMBH' });
    expect(interpretViesAnswer('DE123456789', { isValid: false, userError: 'INVALID' }, now).status).toBe('invalid');
  });

  it('an answer without a verdict is unknown', () => {
    expect(interpretViesAnswer('DE123456789', { foo: 1 }, now)).toMatchObject({ status: 'unknown', reason: 'VIES did not say whether the number is valid' });
    expect(interpretViesAnswer('DE123456789', null, now)).toMatchObject({ status: 'unknown', reason: 'VIES sent an unreadable answer' });
  });

  it('error code helpers', () => {
    expect(viesErrorCode(msUnavailable)).toBe('MS_UNAVAILABLE');
    expect(viesErrorCode(valid)).toBeUndefined();
    expect(viesReason('INVALID_REQUESTER_INFO')).toBe('INVALID_REQUESTER_INFO: VIES could not check the number');
    expect(viesUnknown('FR44732829320', 'x', now)).toEqual({ vatNumber: 'FR44732829320', status: 'unknown', checkedAt: now.toISOString(), reason: 'x' });
  });
});
