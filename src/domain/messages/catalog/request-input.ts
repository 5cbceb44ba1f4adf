import type { Texts } from '../render';

/** Query and body parameters of the app's own routes (src/http/paging.ts and the controllers): {field} is the parameter's name. */
export const requestInputTexts = {
  wholeNumberFrom1: { en: '{field} must be a whole number from 1 to {max}', fr: '« {field} » doit être un nombre entier de 1 à {max}' },
  paramNotBoolean: { en: '{field} must be true or false', fr: '« {field} » doit valoir true ou false' },
  dataNotObject: { en: 'data must be an object', fr: '« data » doit être un objet' },
} satisfies Record<string, Texts>;
