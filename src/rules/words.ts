import { requestLocale } from '../http/request-locale';
import { allTypeLabels, fieldText, nounOf } from '../labels';
import { frenchSteps, type StepForms } from '../domain/flow/steps';

/**
 * The variable words of a message (a field, a state, a document, a flow step), in the request's
 * language: the catalog's texts take them as parameters, so a French sentence never holds an
 * English word. English gives exactly what the messages always said (API names, stored values);
 * French gives the clerk's words (the labels of src/labels, or the nouns below).
 */

const french = () => requestLocale() === 'fr';
/** One of two words, by the request's language. */
export const inLanguage = (words: { en: string; fr: string }): string => (french() ? words.fr : words.en);
const quoted = (text: string) => `« ${text} »`;

/** A field: its API name in English, « its label » in French (the name itself when it has none). */
export function fieldWord(uid: string | undefined, field: string): string {
  if (!french()) return field;
  const text = uid ? fieldText(allTypeLabels().get(uid), field) : undefined;
  return quoted(text?.fr ?? field);
}

/** A stored enumeration value (a state): as stored in English, « its label » in French. */
export function valueWord(uid: string, field: string, value: unknown): string {
  const stored = String(value);
  if (!french()) return stored;
  return quoted(allTypeLabels().get(uid)?.values?.[field]?.[stored]?.fr ?? stored);
}
export const stateWord = (uid: string, state: unknown): string => valueWord(uid, 'state', state);
/** Alternatives: "a or b", "a ou b". */
export const orList = (values: string[]): string => values.join(inLanguage({ en: ' or ', fr: ' ou ' }));
/** Several states: "draft or sent", « Brouillon » ou « Envoyé ». */
export const statesWord = (uid: string, states: string[]): string => orList(states.map((s) => stateWord(uid, s)));

/** A content type or component: as the message said in English, « its label » in French. */
export const typeWord = (uid: string, english: string): string => (french() ? quoted(allTypeLabels().get(uid)?.name.fr ?? english) : english);

/**
 * Records of the credit-control plugin that its routes name: they have no label file here (the
 * plugin labels its own screens), and the app does not spell the plugin's uids (its public contract
 * is the mapping, hooks, routes and reason codes), so they go by the record's name. Every other type
 * is named by its label (src/labels/nouns.ts).
 */
const PLUGIN_NOUNS: Record<string, { fr: string; feminine: boolean }> = {
  policy: { fr: 'politique de crédit', feminine: true },
  rate: { fr: 'cours de change', feminine: false },
};
const pluginNoun = (uid: string) => (uid.startsWith('plugin::') ? PLUGIN_NOUNS[typeName(uid)] : undefined);
/** How the French noun is introduced: "la commande", "de la commande", "cette commande". */
export type Article = 'the' | 'of' | 'this';
const ARTICLES: Record<Article, (noun: string, feminine: boolean, vowel: boolean) => string> = {
  the: (noun, feminine, vowel) => (vowel ? `l’${noun}` : `${feminine ? 'la' : 'le'} ${noun}`),
  of: (noun, feminine, vowel) => (vowel ? `de l’${noun}` : feminine ? `de la ${noun}` : `du ${noun}`),
  this: (noun, feminine, vowel) => `${feminine ? 'cette' : vowel ? 'cet' : 'ce'} ${noun}`,
};
const typeName = (uid: string) => uid.split('.').pop() as string;

/**
 * A kind of document, named by its label: in English the label's noun ("order", "billing table"),
 * in French with the article its sentence needs ("la commande", "du devis"). A type without a label
 * file: `english` (by default the uid's last part), in French « the type ».
 */
export function documentNoun(uid: string, article: Article = 'the', english = typeName(uid)): string {
  if (!french()) return nounOf(uid, 'en')?.noun ?? english;
  const plugin = pluginNoun(uid);
  const noun = nounOf(uid, 'fr') ?? (plugin ? { noun: plugin.fr, feminine: plugin.feminine } : undefined);
  if (!noun) return ARTICLES[article](`fiche ${typeWord(uid, english)}`, true, false);
  return ARTICLES[article](noun.noun, noun.feminine, /^[aeéèêioôuh]/i.test(noun.noun));
}

/** A document by its number: "order ORD-1", "la commande ORD-1" ("de la commande ORD-1" with 'of'). */
export const documentWord = (uid: string, number: unknown, article: Article = 'the', english = typeName(uid)): string =>
  `${documentNoun(uid, article, english)} ${String(number)}`;

/** What a document-service action does, as the infinitive a French refusal needs ("ne peut pas créer"). */
const ACTIONS: Record<string, string> = {
  findOne: 'lire',
  findFirst: 'lire',
  findMany: 'lire',
  count: 'compter',
  create: 'créer',
  update: 'modifier',
  delete: 'supprimer',
  clone: 'dupliquer',
  publish: 'publier',
  unpublish: 'dépublier',
  discardDraft: 'abandonner le brouillon',
};
export const actionWord = (action: string): string => (french() ? (ACTIONS[action] ?? action) : action);

/** A flow step ("delivered") in English as declared; in French in the form the sentence needs. */
export function stepWord(verb: string, form: keyof StepForms): string {
  if (!french()) return verb;
  return frenchSteps()[verb]?.[form] ?? verb;
}

/** A value as a message describes what it got: "a list of 3" (or "an array"), "an object", `string "x"`. */
export function describeValue(value: unknown, arrays: 'counted' | 'plain' = 'counted'): string {
  if (Array.isArray(value) && arrays === 'plain') return inLanguage({ en: 'an array', fr: 'un tableau' });
  if (Array.isArray(value)) return inLanguage({ en: `a list of ${value.length}`, fr: `une liste de ${value.length}` });
  if (value === null) return 'null';
  if (typeof value === 'object') return inLanguage({ en: 'an object', fr: 'un objet' });
  const kind = inLanguage({ en: typeof value, fr: { string: 'texte', number: 'nombre', boolean: 'booléen' }[typeof value as string] ?? typeof value });
  return `${kind} ${JSON.stringify(value)}`.slice(0, 60);
}
