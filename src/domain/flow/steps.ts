import { allTypeLabels, typeNouns } from '../../labels';

/**
 * The French forms of a flow step (a declaration's `verb`, management-types.ts): a noun
 * ("livraison"), a past participle by gender and number, an infinitive. A step that names a
 * document type ("repris en devis", "mis en tableau de facturation") names it by its label
 * (src/labels), as every message does. No Strapi: the label files are read once.
 */
export interface StepForms {
  noun: string;
  ms: string;
  fs: string;
  mp: string;
  fp: string;
  infinitive: string;
}

const step = (noun: string, stem: string, rest: string, infinitive: string): StepForms => ({
  noun,
  ms: `${stem}${rest}`,
  fs: `${stem}e${rest}`,
  mp: `${stem.endsWith('s') ? stem : `${stem}s`}${rest}`,
  fp: `${stem}es${rest}`,
  infinitive,
});

/** The nouns of a type's French label: "Facture / avoir" gives facture, avoir. */
const nouns = (uid: string): string[] => {
  const labels = allTypeLabels().get(uid);
  if (!labels) throw new Error(`${uid} has no label file (src/labels)`);
  return typeNouns(labels, 'fr');
};
/** "un devis", "une commande": the indefinite article of the label's gender. */
const aNoun = (uid: string) => `${allTypeLabels().get(uid)?.gender === 'feminine' ? 'une' : 'un'} ${nouns(uid)[0]}`;

let steps: Record<string, StepForms> | undefined;

/** Every step's French forms, by verb. */
export function frenchSteps(): Record<string, StepForms> {
  if (steps) return steps;
  const quotation = nouns('api::quotation.quotation')[0];
  const billingTable = nouns('api::billing-table.billing-table')[0];
  const creditNote = nouns('api::invoice.invoice')[1];
  steps = {
    quoted: step(`établissement d’${aNoun('api::quotation.quotation')}`, 'repris', ` en ${quotation}`, `reprendre en ${quotation}`),
    ordered: step('passage en commande', 'commandé', '', 'commander'),
    delivered: step('livraison', 'livré', '', 'livrer'),
    'put in a billing table': step(`mise en ${billingTable}`, 'mis', ` en ${billingTable}`, `mettre en ${billingTable}`),
    invoiced: step('facturation', 'facturé', '', 'facturer'),
    credited: step(`établissement d’un ${creditNote}`, 'repris', ` en ${creditNote}`, `reprendre en ${creditNote}`),
    billed: step('facturation', 'facturé', '', 'facturer'),
    rebilled: step('refacturation', 'refacturé', '', 'refacturer'),
    bought: step('achat', 'acheté', '', 'acheter'),
    'sub-contracted': step('sous-traitance', 'sous-traité', '', 'sous-traiter'),
  };
  return steps;
}
