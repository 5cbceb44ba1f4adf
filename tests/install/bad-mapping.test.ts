/**
 * A wrong mapping stops the foreign app's boot with a message naming the uid and the field
 * (the same generated app as install.test.ts, booted with CREDIT_MAPPING replacing its mapping).
 */
import { bootForeignApp, createForeignApp, MAPPING, type ForeignApp } from './foreign-app';

let app: ForeignApp;
beforeAll(() => {
  app = createForeignApp();
});
afterAll(() => app?.cleanup());

// a JavaScript app: the message names its config/plugins.js
const HEADER = 'credit-control: the mapping in config/plugins.js is wrong:';
const withBill = (bill: Record<string, unknown>) => ({ ...MAPPING, documents: { ...MAPPING.documents, 'api::bill.bill': { ...MAPPING.documents['api::bill.bill'], ...bill } } });

/** Boots with this mapping; returns the boot error's message (the test fails if the app boots). */
async function bootError(mapping: unknown): Promise<string> {
  try {
    const running = await bootForeignApp(app.appDir, { CREDIT_MAPPING: JSON.stringify(mapping) });
    await running.stop();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the app booted with a wrong mapping');
}

// the three boots run side by side: each has its own SQLite file
it('stops the boot on an unknown uid, a missing field and a non-numeric amount field, naming each', async () => {
  const [unknownUid, missingField, notNumeric] = await Promise.all([
    bootError({ ...MAPPING, documents: { ...MAPPING.documents, 'api::invoice.invoice': { gate: 'invoices', partyField: 'customer' } } }),
    bootError(withBill({ partyField: 'customer' })),
    bootError(withBill({ amountField: 'devise' })),
  ]);
  expect(unknownUid).toBe(`${HEADER}\n  - documents["api::invoice.invoice"]: "api::invoice.invoice" is not a content type of this app`);
  expect(missingField).toBe(`${HEADER}\n  - documents["api::bill.bill"].partyField: "api::bill.bill" has no field "customer"`);
  expect(notNumeric).toBe(`${HEADER}\n  - documents["api::bill.bill"].amountField: "api::bill.bill.devise" is a string field, not a number`);
});

it('names an unknown party type and a party relation that points elsewhere', async () => {
  const [party, target] = await Promise.all([
    bootError({ ...MAPPING, party: { uid: 'api::customer.customer' } }),
    bootError({ ...MAPPING, party: { uid: 'api::bill.bill' }, documents: { 'api::order-form.order-form': MAPPING.documents['api::order-form.order-form'] } }),
  ]);
  expect(party).toContain('party.uid "api::customer.customer" is not a content type of this app');
  expect(target).toContain('documents["api::order-form.order-form"].partyField: "api::order-form.order-form.buyer" points to "api::client.client", not to "api::bill.bill"');
});
