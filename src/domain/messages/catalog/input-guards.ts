import type { Texts } from '../render';

/**
 * Input Strapi or its plugins would turn into a 500, refused with a 4xx (src/security/query-filters.ts,
 * plugin-input.ts, missing-document.ts, src/middlewares/publish-guard.ts, json-only.ts,
 * src/graphql/dropped-input.ts). {path}: a filter's path as sent ("filters.date.$eq").
 */
export const inputGuardsTexts = {
  filterNotList: { en: '{path} must be a list', fr: '{path} doit être une liste' },
  filterTwoDates: { en: '{path} needs two dates', fr: '{path} demande deux dates' },
  filterInvalidDate: { en: '{path}: {value} is not a valid date', fr: '{path} : {value} n’est pas une date valide' },
  filterInvalidDatetime: { en: '{path}: {value} is not a valid datetime', fr: '{path} : {value} n’est pas une date et heure valide' },
  filterInvalidTime: { en: '{path}: {value} is not a valid time', fr: '{path} : {value} n’est pas une heure valide' },
  filterValueNotObject: { en: '{path} must be a value, not an object', fr: '{path} doit être une valeur, pas un objet' },
  filterValuesNotObject: {
    en: '{path} must be a value or a list of values, not an object',
    fr: '{path} doit être une valeur ou une liste de valeurs, pas un objet',
  },
  filterOneOperatorPerRelation: {
    en: '{path}: one operator per relation ({operators} given); to combine, filter on its id: {field}[id][{first}]=…&{field}[id][{second}]=…',
    fr: '{path} : un seul opérateur par relation ({operators} indiqués) ; pour les combiner, filtrez sur son id : {field}[id][{first}]=…&{field}[id][{second}]=…',
  },
  filtersTooDeep: { en: 'filters are nested too deeply', fr: 'les filtres sont trop imbriqués' },
  filterNotObject: { en: '{path} must be an object of conditions', fr: '{path} doit être un objet de conditions' },
  filterNotListOfConditions: { en: '{path} must be a list of conditions', fr: '{path} doit être une liste de conditions' },
  emailNotObject: { en: 'an email is an object { to, subject, text | html }', fr: 'un e-mail est un objet { to, subject, text | html }' },
  emailUnknownField: { en: '{field} is not a field of an email', fr: '« {field} » n’est pas un champ d’e-mail' },
  emailAddressExpected: { en: '{field} must be an email address', fr: '« {field} » doit être une adresse e-mail' },
  emailSubjectRequired: { en: 'subject is required (1 to 998 characters)', fr: 'l’objet (subject) est obligatoire (de 1 à 998 caractères)' },
  emailBodyRequired: { en: 'text or html is required', fr: 'le corps du message (text ou html) est obligatoire' },
  roleNotObject: { en: 'a role is an object { name, description, permissions }', fr: 'un rôle est un objet { name, description, permissions }' },
  roleUnknownField: { en: '{field} is not a field of a role', fr: '« {field} » n’est pas un champ de rôle' },
  roleNameRequired: { en: 'name is required (1 to 255 characters)', fr: 'le nom (name) est obligatoire (de 1 à 255 caractères)' },
  roleDescriptionText: { en: 'description must be a text', fr: 'la description doit être un texte' },
  noSuchUser: { en: 'no such user', fr: 'utilisateur introuvable' },
  noSuchDocument: { en: 'no {document}', fr: '{document} introuvable' },
  needsDraftAndPublish: { en: '{action} needs draft & publish', fr: '« {action} » demande le brouillon et la publication (draft & publish)' },
  noDraftAndPublish: {
    en: '{type} has no draft & publish: its documents cannot be {done}',
    fr: 'le type {type} n’a pas de brouillon ni de publication : ses documents ne peuvent pas être {done}',
  },
  notSettableByUser: { en: '{path} cannot be set by this user', fr: '{path} ne peut pas être renseigné par cet utilisateur' },
  invalidKey: { en: 'Invalid key {key}: {problem}', fr: 'Clé invalide {key} : {problem}' },
  unsupportedContentType: {
    en: 'Unsupported content type {type}: send the body as application/json',
    fr: 'Type de contenu {type} non pris en charge : envoyez le corps en application/json',
  },
  malformedMultipart: { en: 'Malformed multipart body: {detail}', fr: 'Corps multipart mal formé : {detail}' },
} satisfies Record<string, Texts>;
