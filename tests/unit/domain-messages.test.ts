import Decimal from 'decimal.js';
import { translate, type Said } from '../../src/domain/messages';
import { parseMoney } from '../../src/domain/money';
import { checkEuVatNumber } from '../../src/domain/vat';
import { computeLineTotals, checkHeaderTotals } from '../../src/domain/document-totals';
import { computeHoldback } from '../../src/domain/holdback';
import { priceSchedule } from '../../src/domain/project-plan';
import { splitLines } from '../../src/domain/flow/split';
import { overTaken } from '../../src/domain/flow/over-take';
import { takenFrom } from '../../src/domain/flow/taken';
import { billedOnceErrors, heldBy, itemSourceErrors } from '../../src/domain/flow/billed-once';
import { documentLabel } from '../../src/domain/flow/wording';
import { flowWords } from '../../src/domain/messages/catalog/flow';
import { frenchSteps } from '../../src/domain/flow/steps';
import { allTypeLabels } from '../../src/labels';
import { FLOW_EDGES } from '../../src/domain/flow/edges';
import { BILLED_ONCE } from '../../src/domain/management-types';
import { checkAccountingConsistency, expectedSubledgerAccount } from '../../src/domain/accounting';
import { mapSirenAnswer, mapSiretAnswer, SireneFormatError } from '../../src/domain/sirene';
import { interpretViesAnswer, viesReason } from '../../src/domain/vies';
import { chooseBillingSite, resolveCustomerToBill } from '../../src/domain/billing-resolution';
import { parseYears, yearsRefusal } from '../../src/domain/insights';
import closed from '../fixtures/sirene/siret-closed.json';
import msUnavailable from '../fixtures/vies/ms-unavailable.json';

// Intl's French grouping separator, as in the admin's figures
const G = '\u202f';
const fr = (said: Said | { message: string; code?: string; params?: Said['params'] }) => translate(said, 'fr');
const en = (said: Said | { message: string; code?: string; params?: Said['params'] }) => translate(said, 'en');
const refusal = <T extends { ok: boolean }>(result: T) => {
  if (result.ok) throw new Error('expected a refusal');
  return result as T & { reason: string; said: Said };
};

describe('amounts that cannot be read', () => {
  it('name the field by its French label, with French figures, and keep the English reason', () => {
    const big = refusal(parseMoney('12345678901234', { label: 'unitPrice' }));
    expect(big.reason).toBe('unitPrice exceeds the maximum 9999999999999.99 (got "12345678901234")');
    expect(big.said.code).toBe('moneyAboveMaximum');
    expect(en(big.said)).toBe(big.reason);

    const [line] = computeLineTotals([{ quantity: '1', unitPrice: '-5' }]).errors;
    expect(line).toMatchObject({ path: ['lines', 0, 'unitPrice'], code: 'moneyNegative', message: 'unitPrice must not be negative (got "-5")' });
    expect(fr(line)).toBe('Prix unitaire HT : la valeur ne doit pas être négative (reçu "-5")');
  });

  it('keeps the bare predicate as the reason when no field is named', () => {
    const comma = refusal(parseMoney('12,50'));
    expect(comma.reason).toBe('must use a dot as the decimal separator, not a comma (write 12.50 instead of "12,50")');
    expect(fr(comma.said)).toBe('Valeur : le séparateur décimal est le point, pas la virgule (écrivez 12.50 au lieu de "12,50")');
    expect(fr(refusal(parseMoney([1], { label: 'amount' })).said)).toBe('amount : un nombre est attendu (reçu une liste)');
  });
});

describe('document amounts, holdback and project plan in French', () => {
  it('writes amounts and days the French way', () => {
    const [wrong] = computeLineTotals([{ quantity: '2', unitPrice: '3500.25', amountExclTax: '1.00' }]).errors;
    expect(wrong.message).toBe('amountExclTax must be quantity × unit price = 7000.50');
    expect(fr(wrong)).toBe(`le montant HT doit valoir quantité × prix unitaire = 7${G}000,50`);

    const [header] = checkHeaderTotals({ taxAmount: '1' }, { amountExclTax: '7000.50', taxAmount: '1400.10', amountInclTax: '8400.60' });
    expect(fr(header)).toBe(`le montant TVA doit être égal à la somme des lignes (1${G}400,10)`);

    const { errors } = computeHoldback({ holdbackAmount: '100.00', holdbackDueDate: '2026-01-01', amountInclTax: '12000.00', date: '2026-01-31' }, 90);
    expect(errors.map(en)).toEqual(['holdbackDueDate is computed: invoice date + 90 holdback days = 2026-05-01']);
    expect(errors.map(fr)).toEqual(['l’échéance de la retenue de garantie est calculée : date de facture + 90 jours de retenue = 01/05/2026']);

    const schedule = priceSchedule([{ amountExclTax: '6000' }, { amountExclTax: '2000' }], '7000');
    expect(schedule.errors.map(fr)).toEqual([`l’échéancier s’élève à 8${G}000,00, plus que le montant du projet (7${G}000,00)`]);
  });
});

describe('the flow in French', () => {
  it('names the document and the step in French, the participle agreeing', () => {
    const source = { label: documentLabel('api::order.order', 'O-1'), amountExclTax: '1000', lines: [{ key: 'a', quantity: '1000', label: 'Widget' }] };
    const held = takenFrom(['a'], [{ documentId: 'd', state: 'delivered', amountExclTax: '1200', sourceCount: 1, lines: [{ sourceKey: 'a', quantity: '1200.5', amountExclTax: '1200' }] }], ['delivered']);
    const [line] = overTaken(source, held, 'delivered', 0);
    expect(line.message).toBe('line 1 (Widget) of order O-1: 1200.5 delivered, more than its quantity 1000');
    expect(fr(line)).toBe(`commande O-1, ligne 1 (Widget) : quantité livrée 1${G}200,5, supérieure à sa quantité 1${G}000`);

    const whole = takenFrom(['a'], [{ documentId: 'd', state: 'invoiced', amountExclTax: '1000.01', sourceCount: 1, lines: [] }], ['invoiced']);
    expect(overTaken(source, whole, 'put in a billing table', 0).map(fr)).toEqual([
      `commande O-1 : montant mis en tableau de facturation 1${G}000,01, supérieur à son montant HT 1${G}000,00`,
    ]);
  });

  it('says which item is held, and by which document', () => {
    const spec = { itemWhen: { field: 'rebillable', in: [true] }, verb: 'rebilled', items: 'lines' };
    const report = { documentId: 'r', label: documentLabel('api::expense-report.expense-report', 'EXP-1'), state: 'approved', items: [{ key: 'a', rebillable: true }, { key: 'c', rebillable: false }] };
    const held = heldBy([{ documentId: 'd1', number: 'BL-1', state: 'delivered', sourceKeys: ['a'] }]);
    const errors = billedOnceErrors(spec, [report], [{ sourceKey: 'a' }, { sourceKey: 'c' }], held);
    expect(errors.map(en)).toEqual([
      'this item of expense report EXP-1 is already rebilled by BL-1',
      'this item of expense report EXP-1 cannot be rebilled (rebillable is not true)',
    ]);
    expect(errors.map(fr)).toEqual([
      'note de frais EXP-1 : cet élément est déjà refacturé dans BL-1',
      'note de frais EXP-1 : cet élément ne peut pas être refacturé (« Refacturable » n’est pas coché)',
    ]);
    const edited = { ...report, items: [{ key: 'a', rebillable: false }] };
    expect(itemSourceErrors(spec, edited, held).map(fr)).toEqual(['un élément refacturé dans BL-1 doit garder « Refacturable » coché : annulez d’abord BL-1']);
  });

  it('has French words for every declared step, source type (its label) and billing condition', () => {
    const verbs = [...FLOW_EDGES.map((e) => e.verb), ...BILLED_ONCE.map((b) => b.verb)];
    expect(verbs.filter((verb) => !frenchSteps()[verb])).toEqual([]);
    const sources = [...FLOW_EDGES.map((e) => e.from), ...BILLED_ONCE.map((b) => b.from)];
    expect(sources.filter((uid) => !allTypeLabels().has(uid))).toEqual([]);
    const fields = BILLED_ONCE.flatMap((b) => (b.itemWhen ? [b.itemWhen.field] : []));
    expect(fields.filter((field) => !flowWords.itemFields[field])).toEqual([]);
  });

  it('splits with French refusals', () => {
    const split = splitLines([{ key: 'a', quantity: '10', unitPrice: '1000' }], new Map([['a', new Decimal(10)]]), { by: 'amount', amount: '12000.5' }, (l) => ({ ...l }));
    expect(split.errors.map(fr)).toEqual([`le montant 12${G}000,50 dépasse les 10${G}000,00 HT qui restent`]);
  });
});

describe('identifiers, accounts and SIRENE in French', () => {
  it('explains a VAT number in French, the expected form included', () => {
    expect(fr(refusal(checkEuVatNumber('FR00732829320')).said)).toBe('le numéro de TVA FR00732829320 a la clé 00, alors que celle du SIREN 732829320 est 44');
    expect(fr(refusal(checkEuVatNumber('DE12345')).said)).toBe('le numéro de TVA DE12345 ne suit pas le format DE : DE suivi de 9 chiffres');
  });

  it('lists accounting issues in the asked language, the issue codes unchanged', () => {
    const rule = { prefix: '411', length: 10 };
    const facts = { kind: 'customer', code: 'C12', subledgerAccount: '4010000C12' };
    const english = checkAccountingConsistency(facts, rule, ['C13 Beta SA']);
    const french = checkAccountingConsistency(facts, rule, ['C13 Beta SA'], 'fr');
    expect(french.issues.map((i) => i.code)).toEqual(english.issues.map((i) => i.code));
    expect(french.issues.map((i) => i.message)).toEqual([
      'le compte auxiliaire 4010000C12 ne commence pas par le préfixe 411 de la société',
      'le compte auxiliaire 4010000C12 ne correspond pas au code client C12 (attendu : 4110000C12)',
      'le compte auxiliaire 4010000C12 est aussi celui de C13 Beta SA',
    ]);
    expect(fr(refusal(expectedSubledgerAccount(rule, 'ABCDEFGHIJ')).said)).toMatch(/^le code client ABCDEFGHIJ est trop long/);
  });

  it('writes SIRENE warnings in the asked language, with French days', () => {
    expect(mapSiretAnswer(closed).warnings).toContain('establishment 31415926000012 is closed (since 2023-06-30)');
    expect(mapSiretAnswer(closed, 'fr').warnings).toEqual(['l’établissement 31415926000012 est fermé (depuis le 30/06/2023)', 'l’unité légale 314159260 a cessé son activité']);
    const error = (() => {
      try {
        mapSirenAnswer({});
      } catch (e) {
        return e as SireneFormatError;
      }
    })();
    expect(error?.message).toBe('the SIRENE answer has no legal unit');
    expect(fr(error!.said)).toBe('la réponse de SIRENE ne contient pas d’unité légale');
  });

  it('gives VIES reasons and billing warnings in French', () => {
    const now = new Date('2026-11-28T12:00:00.000Z');
    expect(interpretViesAnswer('DE123456789', msUnavailable, now, 'fr').reason).toBe('MS_UNAVAILABLE : le service TVA de l’État membre n’est pas disponible');
    expect(viesReason('OTHER', 'fr')).toBe('OTHER : VIES n’a pas pu vérifier le numéro');
    const party = (id: number) => ({ id, documentId: `p${id}` });
    const link = (id: number) => ({ id, documentId: `l${id}`, linkedCustomer: party(9), billingSite: null, projectId: null, isDefault: true });
    expect(resolveCustomerToBill(party(1), [link(1), link(2)], null, 'fr').warnings).toEqual(['2 liens TO_BILL par défaut sans projet : le plus ancien est retenu']);
    expect(chooseBillingSite(null, [], '2026-01-01', 'fr').warnings).toEqual(['le client à facturer n’a aucun site de facturation ouvert : cochez « Site de facturation » sur l’un de ses sites']);
  });

  it('refuses a years entry in French, the years written as years (no thousands separator)', () => {
    const refused = (entry: unknown) => {
      const parsed = parseYears(entry);
      if (parsed.ok) throw new Error('expected a refusal');
      return yearsRefusal(parsed);
    };
    const said = refused('20x5');
    expect(said.code).toBe('insightsYearsOutOfRange');
    expect(en(said)).toBe('years must be years between 1900 and 2200 separated by commas (got "20x5")');
    expect(fr(said)).toBe('Années : des années entre 1900 et 2200 séparées par des virgules sont attendues (reçu « 20x5 »)');
    expect(fr(refused(['2024']))).toBe('Années : une liste d’années séparées par des virgules est attendue');
  });
});
