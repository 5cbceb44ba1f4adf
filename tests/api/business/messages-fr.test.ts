import { Factories, uniq } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The domain's refusals in the admin's language: French (numbers "7 000,50", days "01/05/2026")
// when the request asks for it, English as before for an API client that asks nothing.
const app = testApp();
let f: Factories;
let eur: string;
let customer: string;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.isoCurrency('EUR')).documentId;
  customer = (await f.bareCustomer({ holdbackDays: 90 })).documentId;
  await f.creditPolicy(customer, { mode: 'alert', threshold: '1000000.00', currency: 'EUR' });
});

// Intl's French grouping separator, as in the admin's figures
const G = '\u202f';
const fieldErrors = (res: any) => (res.body.error?.details?.errors ?? []).map((e: any) => ({ path: e.path.join('.'), code: e.code, message: e.message }));
function post(plural: string, data: Record<string, unknown>, language?: string) {
  const request = app.api().post(`/api/${plural}`);
  if (language) request.set('Accept-Language', language);
  return request.send({ data });
}
const invoice = (data: Record<string, unknown>) => ({ number: uniq('INV'), date: '2026-01-31', customer, currency: eur, ...data });

describe('a refused invoice', () => {
  const lines = [{ quantity: '2', unitPrice: '3500.25', amountExclTax: '1.00', vatRate: '20' }];

  it('is explained in French, with French amounts, when the admin asks for French', async () => {
    const res = await post('invoices', invoice({ lines }), 'fr-FR,fr;q=0.9,en;q=0.8');
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual([
      { path: 'lines.0.amountExclTax', code: 'totalsLineAmountNotProduct', message: `le montant HT doit valoir quantité × prix unitaire = 7${G}000,50` },
    ]);
    expect(res.body.error.message).toBe(`le montant HT doit valoir quantité × prix unitaire = 7${G}000,50`);
  });

  it('stays in English for a client that asks nothing', async () => {
    const res = await post('invoices', invoice({ lines }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual([
      { path: 'lines.0.amountExclTax', code: 'totalsLineAmountNotProduct', message: 'amountExclTax must be quantity × unit price = 7000.50' },
    ]);
  });

  it('gives the computed holdback due date as a French day', async () => {
    const data = invoice({ holdbackAmount: '100.00', holdbackDueDate: '2026-01-01', lines: [{ quantity: '1', unitPrice: '1000.00', vatRate: '20' }] });
    const french = await post('invoices', data, 'fr');
    expect([french.status, fieldErrors(french)]).toEqual([
      400,
      [{ path: 'holdbackDueDate', code: 'holdbackDueDateComputed', message: 'l’échéance de la retenue de garantie est calculée : date de facture + 90 jours de retenue = 01/05/2026' }],
    ]);
    const english = await post('invoices', { ...data, number: uniq('INV') });
    expect(fieldErrors(english)).toEqual([
      { path: 'holdbackDueDate', code: 'holdbackDueDateComputed', message: 'holdbackDueDate is computed: invoice date + 90 holdback days = 2026-05-01' },
    ]);
  });
});

it("refuses a project's schedule worth more than the project, in French", async () => {
  const data = {
    code: uniq('PRJ'), name: 'ERP roll-out', customer, currency: eur, state: 'active', amountExclTax: '15000.00',
    billingSchedule: [{ dueDate: '2026-01-15', label: 'Kick-off', amountExclTax: '6000.00' }, { dueDate: '2026-06-30', label: 'Go-live', amountExclTax: '12500.00' }],
  };
  const french = await post('projects', data, 'fr');
  expect([french.status, fieldErrors(french)]).toEqual([
    400,
    [{ path: 'billingSchedule', code: 'projectScheduleAboveProject', message: `l’échéancier s’élève à 18${G}500,00, plus que le montant du projet (15${G}000,00)` }],
  ]);
  const english = await post('projects', { ...data, code: uniq('PRJ') });
  expect(fieldErrors(english)).toEqual([
    { path: 'billingSchedule', code: 'projectScheduleAboveProject', message: 'the schedule comes to 18500.00, more than the project amount 15000.00' },
  ]);
});
