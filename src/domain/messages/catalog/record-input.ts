import type { Texts } from '../render';

/**
 * The type of each field and relation a write sends (src/rules/field-types.ts, relation-fields.ts).
 * {field} is the field's API name in English, « its label » in French; {type} and {component}
 * likewise; {got} describes the value received.
 */
export const recordInputTexts = {
  fieldRequiredNotNull: {
    en: '{field} is required: it cannot be null',
    fr: 'le champ {field} est obligatoire : il ne peut pas valoir null',
  },
  fieldNotBoolean: {
    en: '{field} must be true or false (got {got})',
    fr: 'le champ {field} doit valoir true ou false (reçu : {got})',
  },
  fieldNotWholeNumber: {
    en: '{field} must be a whole number (got {got})',
    fr: 'le champ {field} doit être un nombre entier (reçu : {got})',
  },
  fieldNotText: {
    en: '{field} must be a text (got {got})',
    fr: 'le champ {field} doit être un texte (reçu : {got})',
  },
  componentListExpected: {
    en: '{field} must be a list of {component}',
    fr: 'le champ {field} doit être une liste de {component}',
  },
  componentOneExpected: {
    en: '{field} must be one {component}',
    fr: 'le champ {field} doit être un seul élément {component}',
  },
  componentItemsNotObjects: {
    en: '{field} items must be objects',
    fr: 'les éléments du champ {field} doivent être des objets',
  },
  relationInputShape: {
    en: '{field} takes a documentId, a list, or { connect, disconnect, set } (got the key "{key}")',
    fr: 'le champ {field} attend un documentId, une liste ou { connect, disconnect, set } (reçu la clé "{key}")',
  },
  relationTakesOneRecord: {
    en: '{field} takes one record (got {count})',
    fr: 'le champ {field} n’accepte qu’un enregistrement (reçu : {count})',
  },
  relationTakesOne: {
    en: '{field} takes one {type}, not {got}',
    fr: 'le champ {field} n’accepte qu’un enregistrement {type}, pas {got}',
  },
  relationNeedsDocumentId: {
    en: '{field} must name a {type} by its documentId (got {got})',
    fr: 'le champ {field} doit désigner un enregistrement {type} par son documentId (reçu : {got})',
  },
  relationNoRecordWithId: {
    en: '{field}: no {type} with id {id}',
    fr: '{field} : aucun enregistrement {type} avec l’id {id}',
  },
  relationNoRecord: {
    en: '{field}: no {type} "{documentId}"',
    fr: '{field} : aucun enregistrement {type} "{documentId}"',
  },
} satisfies Record<string, Texts>;
