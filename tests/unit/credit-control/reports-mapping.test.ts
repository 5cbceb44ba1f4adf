import fs from 'fs';
import path from 'path';
import { checkMapping, type DescribeModel } from '../../../src/plugins/credit-control/server/src/core';
import pluginsConfig from '../../../config/plugins';

/** The app's real models, read from the schema files, so that the app's own mapping is checked. */
const root = path.resolve(__dirname, '../../../src');
const describe_: DescribeModel = (uid) => {
  const m = /^api::([\w-]+)\.([\w-]+)$/.exec(uid);
  const file = m && path.join(root, 'api', m[1], 'content-types', m[2], 'schema.json');
  return file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).attributes : undefined;
};
const describeComponent: DescribeModel = (uid) => {
  const [category, name] = uid.split('.');
  const file = path.join(root, 'components', category ?? '', `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).attributes : undefined;
};
const env: any = Object.assign((_: string, d: unknown) => d, { bool: (_: string, d: unknown) => d, int: (_: string, d: unknown) => d, float: (_: string, d: unknown) => d });
const appConfig = () => JSON.parse(JSON.stringify((pluginsConfig as any)({ env })['credit-control'].config));

describe('reports mapping', () => {
  it("accepts the app's mapping and normalises it", () => {
    const { mapping, problems } = checkMapping(appConfig(), describe_, describeComponent);
    expect(problems).toEqual([]);
    expect(mapping.reports).toMatchObject({
      party: { codeField: 'code', addressLines: ['line1', 'line2', 'line3'], postalCodeField: 'postalCode', professional: { anyOf: ['siret', 'siren', 'vatNumber', 'legalForm'] } },
      invoices: { partyFields: ['customerToBill', 'customer'], totalField: 'amountInclTax' },
      company: { defaultLateRate: 12.15, bankField: 'bankDetails', bank: { ibanField: 'iban', bicField: 'bic', bankNameField: 'bankName', holderField: 'accountHolder' } },
    });
    expect(mapping.reports!.party.legalNameField).toBe('corporateName');
  });

  it('leaves the legal name and the bank details optional (the call name stands in, no payment details)', () => {
    const raw = appConfig();
    delete raw.reports.party.legalNameField;
    delete raw.reports.company.bankField;
    const { mapping, problems } = checkMapping(raw, describe_, describeComponent);
    expect(problems).toEqual([]);
    expect(mapping.reports!.party.legalNameField).toBeUndefined();
    expect(mapping.reports!.company.bankField).toBeUndefined();
  });

  it('is optional (with the payment behaviour that reads it)', () => {
    const raw = appConfig();
    delete raw.reports;
    delete raw.behaviour;
    const { mapping, problems } = checkMapping(raw, describe_, describeComponent);
    expect(problems).toEqual([]);
    expect(mapping.reports).toBeUndefined();
  });

  it.each([
    [(r: any) => (r.invoices.dueDateField = 'dueOn'), 'reports.invoices.dueDateField: "api::invoice.invoice" has no field "dueOn"'],
    [(r: any) => (r.invoices.totalField = 'number'), 'reports.invoices.totalField: "api::invoice.invoice.number" is a string field, not a number'],
    [(r: any) => (r.invoices.dateField = 'number'), 'reports.invoices.dateField: "api::invoice.invoice.number" is a string field, not a date'],
    [(r: any) => (r.payments.uid = 'api::payment.payment'), 'reports.payments.uid "api::payment.payment" is not a content type of this app'],
    [(r: any) => (r.payments.partyField = 'currency'), 'reports.payments.partyField: "api::receipt.receipt.currency" points to "api::currency.currency", not to "api::customer.customer"'],
    [(r: any) => (r.party.postalCodeField = 'zip'), 'reports.party.postalCodeField: "shared.address" has no field "zip"'],
    [(r: any) => (r.company.defaultLateRate = -1), 'reports.company.defaultLateRate must be a number ≥ 0'],
    [(r: any) => (r.recipients.contacts.dunningFlag = 'email'), 'reports.recipients.contacts.dunningFlag: "api::contact.contact.email" is a email field, not a boolean'],
    [(r: any) => (r.recipients.employees.component.employeeField = 'role'), 'reports.recipients.employees.component.employeeField: "customer.salesman-assignment.role" is a string field, not a relation'],
    [(r: any) => delete r.invoices.open, 'reports.invoices.open is missing'],
    [(r: any) => (r.party.legalNameField = 'legalName'), 'reports.party.legalNameField: "api::customer.customer" has no field "legalName"'],
    [(r: any) => (r.company.bankField = 'siren'), 'reports.company.bankField: "api::company.company.siren" is a string field, not a component'],
    [(r: any) => (r.company.bank = { ibanField: 'rib' }), 'reports.company.bank.ibanField: "shared.bank-details" has no field "rib"'],
  ])('names the bad uid or field (%#)', (breakIt, message) => {
    const raw = appConfig();
    breakIt(raw.reports);
    const { problems } = checkMapping(raw, describe_, describeComponent);
    expect(problems).toEqual([expect.stringContaining(message)]);
  });
});
