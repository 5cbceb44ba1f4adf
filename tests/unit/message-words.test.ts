import { errors } from '@strapi/utils';
import { say } from '../../src/domain/messages';
import { refuse } from '../../src/rules/validation-error';
import { shown } from '../../src/rules/said';
import { describeValue, documentNoun, documentWord, fieldWord, orList, stateWord, stepWord } from '../../src/rules/words';

// The variable words of a message follow the request's language (src/rules/words.ts): a minimal
// global strapi whose request context carries the Accept-Language header.
const asking = (header?: string) => {
  (globalThis as any).strapi = { requestContext: { get: () => ({ request: { headers: header ? { 'accept-language': header } : {} } }) } };
};
afterEach(() => delete (globalThis as any).strapi);

describe('in English (no header): API names and stored values, documents by their labels', () => {
  beforeEach(() => asking());

  it('API names, stored values, the document by its label and the declared verb', () => {
    expect(fieldWord('api::invoice.invoice', 'amountExclTax')).toBe('amountExclTax');
    expect(stateWord('api::order.order', 'partiallyDelivered')).toBe('partiallyDelivered');
    expect(documentWord('api::billing-table.billing-table', 'BT-1')).toBe('billing table BT-1');
    expect(documentWord('api::billing-table.billing-table', 'BT-1', 'of', 'billing table')).toBe('billing table BT-1');
    expect(stepWord('put in a billing table', 'fp')).toBe('put in a billing table');
    expect(orList(['draft', 'sent'])).toBe('draft or sent');
    expect(describeValue([1, 2])).toBe('a list of 2');
    expect(describeValue([1, 2], 'plain')).toBe('an array');
  });
});

describe('in French', () => {
  beforeEach(() => asking('fr-FR,fr;q=0.9'));

  it('a field by its label, a state by its label', () => {
    expect(fieldWord('api::invoice.invoice', 'amountExclTax')).toBe('« Montant HT »');
    expect(fieldWord('api::invoice.invoice', 'noSuchField')).toBe('« noSuchField »');
    expect(stateWord('api::order.order', 'partiallyDelivered')).toBe('« Partiellement livré »');
    expect(orList(['a', 'b'])).toBe('a ou b');
  });

  it('a document with the article its sentence needs, elided and contracted', () => {
    expect(documentWord('api::order.order', 'ORD-1')).toBe('la commande ORD-1');
    expect(documentWord('api::quotation.quotation', 'QUO-1', 'of')).toBe('du devis QUO-1');
    expect(documentWord('api::project.project', 'P-1')).toBe('le projet P-1');
    expect(documentWord('api::project.project', 'P-1', 'of')).toBe('du projet P-1');
    expect(documentNoun('api::invoice.invoice', 'this')).toBe('cette facture');
    expect(documentNoun('api::billing-table.billing-table', 'this')).toBe('ce tableau de facturation');
    expect(documentWord('api::contact.contact', 'C-1')).toBe('le contact C-1');
    expect(documentWord('api::event.event', 'E-1', 'of')).toBe('de l’événement E-1');
    // the plugin's records, which have no label file here
    expect(documentWord('plugin::credit-control.policy', 'P-1')).toBe('la politique de crédit P-1');
    expect(documentWord('plugin::credit-control.dunning-level', 'D-1')).toBe('la fiche « dunning-level » D-1');
  });

  it('a flow step agreeing with its subject', () => {
    expect(stepWord('delivered', 'noun')).toBe('livraison');
    expect(stepWord('delivered', 'fs')).toBe('livrée');
    expect(stepWord('quoted', 'mp')).toBe('repris en devis');
    expect(stepWord('put in a billing table', 'fp')).toBe('mises en tableau de facturation');
    expect(stepWord('bought', 'infinitive')).toBe('acheter');
  });

  it('a whole refusal: French words and numbers, the code kept for programs', () => {
    const said = say('sourceStateBlocks', { source: documentWord('api::order.order', 'ORD-1'), state: stateWord('api::order.order', 'draft'), step: stepWord('delivered', 'noun') });
    expect(shown(said)).toBe('la commande ORD-1 est à l’état « Brouillon » : livraison impossible');
    let thrown: any;
    try {
      refuse('state', said);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(errors.ValidationError);
    expect(thrown.message).toBe('la commande ORD-1 est à l’état « Brouillon » : livraison impossible');
    expect(thrown.details.errors).toEqual([{ path: ['state'], message: thrown.message, name: 'ValidationError', code: 'sourceStateBlocks' }]);
  });
});
