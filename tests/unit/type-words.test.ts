import { CATALOG } from '../../src/domain/messages/catalog';
import { documentLabel } from '../../src/domain/flow/wording';
import { frenchSteps } from '../../src/domain/flow/steps';
import { allTypeLabels, typeNoun, typeNouns, type TypeLabels } from '../../src/labels';
import { documentNoun, documentWord } from '../../src/rules/words';

// One thing, one word: a message names a content type as its label does (src/labels), in English
// and in French: the words built into messages come from the labels, and a catalog text that
// names a type in English names it in French by the label's word, not by a synonym of its own.

const asking = (header?: string) => {
  (globalThis as any).strapi = { requestContext: { get: () => ({ request: { headers: header ? { 'accept-language': header } : {} } }) } };
};
afterEach(() => delete (globalThis as any).strapi);

const types: TypeLabels[] = [...allTypeLabels().values()].filter((labels) => labels.uid.includes('::'));

describe.each(types.map((labels) => [labels.uid, labels] as const))('%s', (uid, labels) => {
  it('has the French gender its articles need', () => {
    expect(['masculine', 'feminine']).toContain(labels.gender);
  });

  it('is named by its label in English and in French', () => {
    const [en, fr] = [typeNoun(labels, 'en'), typeNoun(labels, 'fr')];
    expect(en.toLowerCase()).toBe(labels.name.en.split(' / ')[0].toLowerCase());
    expect(fr.toLowerCase()).toBe(labels.name.fr.split(' / ')[0].toLowerCase());
    expect(documentLabel(uid, 'X-1').texts).toEqual({ en: `${en} X-1`, fr: `${fr} X-1` });
    asking();
    expect(documentWord(uid, 'X-1')).toBe(`${en} X-1`);
    asking('fr');
    const article = /^[aeéèêioôuh]/i.test(fr) ? 'l’' : labels.gender === 'feminine' ? 'la ' : 'le ';
    expect(documentWord(uid, 'X-1')).toBe(`${article}${fr} X-1`);
    expect(documentNoun(uid, 'of')).toMatch(new RegExp(`^(de l’|de la |du )${fr}$`));
  });
});

it('names a type in a flow step by its label', () => {
  const noun = (uid: string, at = 0) => typeNouns(allTypeLabels().get(uid)!, 'fr')[at];
  const steps = frenchSteps();
  expect(steps.quoted.ms).toBe(`repris en ${noun('api::quotation.quotation')}`);
  expect(steps['put in a billing table'].fp).toBe(`mises en ${noun('api::billing-table.billing-table')}`);
  expect(steps.credited.infinitive).toBe(`reprendre en ${noun('api::invoice.invoice', 1)}`);
});

/** A phrase as a whole word or words, singular or plural ("billing tables", "bons de livraison"). */
function phrase(words: string, lang: 'en' | 'fr'): RegExp {
  const parts = words.split(' ').map((word, i, all) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (lang === 'fr') return `${escaped}[sx]?`;
    if (i < all.length - 1) return escaped;
    return escaped.endsWith('y') ? `${escaped.slice(0, -1)}(?:y|ies)` : `${escaped}(?:s|es)?`;
  });
  return new RegExp(`(?<![\\p{L}\\-_])${parts.join(' ')}(?![\\p{L}\\-_])`, 'giu');
}

it('says in French the label of every type a catalog text names in English', () => {
  // every noun of every label, the English one beside its French one, longest first ("supplier order" before "order")
  const pairs = types
    .flatMap((labels) => typeNouns(labels, 'en').map((en, i) => ({ uid: labels.uid, en, fr: typeNouns(labels, 'fr')[i] })))
    .sort((a, b) => b.en.length - a.en.length);
  const misnamed: string[] = [];
  for (const [code, texts] of Object.entries(CATALOG) as [string, { en: string; fr: string }][]) {
    // the parameters and what is quoted as typed (API names, values) are not words of the sentence
    const bare = (text: string) => text.replace(/\{\w+\}/g, ' ').replace(/"[^"]*"/g, ' ');
    let en = bare(texts.en);
    let fr = bare(texts.fr);
    for (const pair of pairs) {
      if (!phrase(pair.en, 'en').test(en)) continue;
      en = en.replace(phrase(pair.en, 'en'), ' ');
      // the same English word in the French text is a value as typed ("make must be quotation or order")
      if (phrase(pair.en, 'en').test(fr)) {
        fr = fr.replace(phrase(pair.en, 'en'), ' ');
        continue;
      }
      if (phrase(pair.fr, 'fr').test(fr)) fr = fr.replace(phrase(pair.fr, 'fr'), ' ');
      else misnamed.push(`${code}: "${pair.en}" is « ${pair.fr} » (${pair.uid}), not in: ${texts.fr}`);
    }
  }
  expect(misnamed).toEqual([]);
});
