import { requestLocale } from '../http/request-locale';
import { allTypeLabels, fieldText } from '../labels';

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

interface Noun {
  fr: string;
  feminine: boolean;
}
/** What a clerk calls the documents of the flow. */
const NOUNS: Record<string, Noun> = {
  quotation: { fr: 'devis', feminine: false },
  order: { fr: 'commande', feminine: true },
  delivery: { fr: 'bon de livraison', feminine: false },
  'billing-table': { fr: 'bordereau de facturation', feminine: false },
  invoice: { fr: 'facture', feminine: true },
  receipt: { fr: 'règlement', feminine: false },
  'maintenance-contract': { fr: 'contrat', feminine: false },
  'training-opportunity': { fr: 'opportunité de formation', feminine: true },
  'expense-report': { fr: 'note de frais', feminine: true },
  project: { fr: 'affaire', feminine: true },
  opportunity: { fr: 'opportunité', feminine: true },
  'supplier-order': { fr: 'commande fournisseur', feminine: true },
  customer: { fr: 'client', feminine: false },
  company: { fr: 'société', feminine: true },
  supplier: { fr: 'fournisseur', feminine: false },
  article: { fr: 'article', feminine: false },
  'contract-billing-run': { fr: 'facturation des contrats', feminine: true },
  // the credit-control plugin's records named by its routes
  policy: { fr: 'politique de crédit', feminine: true },
  rate: { fr: 'cours de change', feminine: false },
};
/** How the French noun is introduced: "la commande", "de la commande", "cette commande". */
export type Article = 'the' | 'of' | 'this';
const ARTICLES: Record<Article, (noun: string, feminine: boolean, vowel: boolean) => string> = {
  the: (noun, feminine, vowel) => (vowel ? `l’${noun}` : `${feminine ? 'la' : 'le'} ${noun}`),
  of: (noun, feminine, vowel) => (vowel ? `de l’${noun}` : feminine ? `de la ${noun}` : `du ${noun}`),
  this: (noun, feminine, vowel) => `${feminine ? 'cette' : vowel ? 'cet' : 'ce'} ${noun}`,
};
const typeName = (uid: string) => uid.split('.').pop() as string;

/**
 * A kind of document: in English what the message said (by default the uid's last part, "order",
 * "billing-table"), in French the clerk's noun with its article ("la commande", "du devis").
 */
export function documentNoun(uid: string, article: Article = 'the', english = typeName(uid)): string {
  if (!french()) return english;
  const noun = NOUNS[typeName(uid)];
  // another type: "la fiche « Contact »"
  if (!noun) return ARTICLES[article](`fiche ${typeWord(uid, english)}`, true, false);
  return ARTICLES[article](noun.fr, noun.feminine, /^[aeéioôuh]/i.test(noun.fr));
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

/** The French forms of a flow step (edge.verb): a noun ("livraison"), a past participle by gender and number, an infinitive. */
interface Step {
  noun: string;
  ms: string;
  fs: string;
  mp: string;
  fp: string;
  infinitive: string;
}
const step = (noun: string, stem: string, rest: string, infinitive: string): Step => ({
  noun,
  ms: `${stem}${rest}`,
  fs: `${stem}e${rest}`,
  mp: `${stem.endsWith('s') ? stem : `${stem}s`}${rest}`,
  fp: `${stem}es${rest}`,
  infinitive,
});
const STEPS: Record<string, Step> = {
  quoted: step('établissement d’un devis', 'repris', ' en devis', 'reprendre en devis'),
  ordered: step('passage en commande', 'commandé', '', 'commander'),
  delivered: step('livraison', 'livré', '', 'livrer'),
  'put in a billing table': step('mise en bordereau de facturation', 'mis', ' en bordereau de facturation', 'mettre en bordereau de facturation'),
  invoiced: step('facturation', 'facturé', '', 'facturer'),
  credited: step('établissement d’un avoir', 'repris', ' en avoir', 'reprendre en avoir'),
  billed: step('facturation', 'facturé', '', 'facturer'),
  rebilled: step('refacturation', 'refacturé', '', 'refacturer'),
  bought: step('achat', 'acheté', '', 'acheter'),
  'sub-contracted': step('sous-traitance', 'sous-traité', '', 'sous-traiter'),
};

/** A flow step ("delivered") in English as declared; in French in the form the sentence needs. */
export function stepWord(verb: string, form: keyof Step): string {
  if (!french()) return verb;
  return STEPS[verb]?.[form] ?? verb;
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
