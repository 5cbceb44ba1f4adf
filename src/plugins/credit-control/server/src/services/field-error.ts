import { errors } from '@strapi/utils';

/**
 * A 400 that names the bad input: `details.errors[].path` is what the Content Manager and API
 * clients read to put the message on the field, so clients never have to parse the message.
 */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
