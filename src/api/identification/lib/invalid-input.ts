import { throwIfErrors } from '../../../rules/validation-error';

/** 400 ValidationError on one field, in the app's single error format (details.errors[].path). */
export function invalidInput(field: string, message: string): never {
  throwIfErrors([{ path: [field], message }]);
  throw new Error('unreachable: throwIfErrors throws on a non-empty list');
}
