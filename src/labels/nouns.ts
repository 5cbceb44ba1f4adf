// How messages name a type: by its label's name, so a sentence and the screen say the same word
// ("le projet P-1" beside the « Projet » form). Pure.
import type { Lang, TypeLabels } from './catalog';

/** A name as a common noun: lower-cased, but an initialism stays ("VAT code", "code TVA"). */
const common = (name: string) => (/^\p{Lu}{2}/u.test(name) ? name : name.charAt(0).toLocaleLowerCase('fr') + name.slice(1));

/**
 * Every noun a type's name holds, in the order it lists them: "Invoice / credit note" gives
 * ["invoice", "credit note"], "Facture / avoir" ["facture", "avoir"]; a single name gives itself.
 */
export const typeNouns = (labels: Pick<TypeLabels, 'name'>, lang: Lang): string[] => labels.name[lang].split(' / ').map((part) => common(part.trim()));

/** The noun messages name one record of the type by: its name's first noun ("facture" for "Facture / avoir"). */
export const typeNoun = (labels: Pick<TypeLabels, 'name'>, lang: Lang): string => typeNouns(labels, lang)[0];
