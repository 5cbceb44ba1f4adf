import type { Texts } from '../render';

/** Values PostgreSQL refused as data exceptions, and write conflicts (src/middlewares/data-errors.ts). */
export const dataErrorsTexts = {
  dbWrongType: {
    en: 'Invalid input: a value has the wrong type (e.g. text where a whole-number id is expected)',
    fr: 'Saisie invalide : une valeur n’a pas le bon type (par exemple du texte là où un id numérique est attendu)',
  },
  dbNulCharacter: { en: 'Invalid input: text may not contain NUL characters', fr: 'Saisie invalide : un texte ne peut pas contenir de caractère NUL' },
  dbNumberOutOfRange: { en: 'Invalid input: a number is out of range', fr: 'Saisie invalide : un nombre est hors limites' },
  dbTextTooLong: { en: 'Invalid input: a text is too long', fr: 'Saisie invalide : un texte est trop long' },
  dbDateInvalid: { en: 'Invalid input: a date or time is not valid', fr: 'Saisie invalide : une date ou une heure n’est pas valide' },
  dbDateOutOfRange: { en: 'Invalid input: a date or time is out of range', fr: 'Saisie invalide : une date ou une heure est hors limites' },
  dbValueRefused: { en: 'Invalid input: a value was refused by the database', fr: 'Saisie invalide : une valeur a été refusée par la base de données' },
  dbWriteConflict: {
    en: 'Conflict: another write on the same documents ran at the same time; nothing was written, try again',
    fr: 'Conflit : une autre écriture sur les mêmes pièces a eu lieu en même temps ; rien n’a été écrit, réessayez',
  },
} satisfies Record<string, Texts>;
