/**
 * The `reports` section of the mapping: which fields of the app's types the statement, dunning
 * letters and dunning emails read. Optional: without it the report routes answer 404.
 */
import type { DescribeModel, FieldPredicate } from '../mapping';

export interface ReportsMapping {
  party: {
    codeField: string;
    nameField: string;
    /** the legal (corporate) name letters and statements are addressed to; when unset or empty, `nameField` */
    legalNameField?: string;
    /** component holding line1, line2, line3, postalCode, city, country */
    addressField?: string;
    addressLines: string[];
    postalCodeField: string;
    cityField: string;
    countryField: string;
    companyField?: string;
    divisionField?: string;
    entityField?: string;
    /** professional customers get the €40 recovery indemnity mention: predicate AND one of the ids present */
    professional: { when?: FieldPredicate; anyOf: string[] };
  };
  company: {
    uid: string;
    nameField: string;
    addressField?: string;
    sirenField?: string;
    vatField?: string;
    /** annual late-payment penalty rate (%) of the company, else `defaultLateRate` */
    lateRateField?: string;
    defaultLateRate: number;
    /** place written before the letter's date ("Paris, le ...") */
    cityField: string;
    /** component with the company's bank details, printed as the payment details of letters and statements */
    bankField?: string;
    /** that component's fields */
    bank: { ibanField: string; bicField: string; bankNameField: string; holderField: string };
  };
  invoices: {
    uid: string;
    partyFields: string[];
    numberField: string;
    dateField: string;
    dueDateField: string;
    totalField: string;
    paidField: string;
    /** date the invoice was fully paid; enables payment behaviour (DSO, days late) */
    paidOnField?: string;
    currencyField?: string;
    companyField?: string;
    open: FieldPredicate;
    creditNote?: FieldPredicate;
  };
  payments: {
    uid: string;
    partyField: string;
    numberField: string;
    dateField: string;
    amountField: string;
    allocatedField?: string;
    currencyField?: string;
    counted?: FieldPredicate;
  };
  recipients: {
    employees?: {
      uid: string;
      partyFields: string[];
      component?: { field: string; employeeField: string };
      emailField: string;
      nameFields: string[];
    };
    contacts?: { uid: string; partyField: string; emailField: string; nameFields: string[]; dunningFlag?: string };
  };
}

const NUMERIC = new Set(['decimal', 'float', 'integer', 'biginteger']);
const DATES = new Set(['date', 'datetime']);
const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Normalises `raw` (config.reports) and lists every problem naming the uid and field. */
export function checkReportsMapping(raw: any, partyUid: string, describe: DescribeModel, describeComponent: DescribeModel = () => undefined): { reports?: ReportsMapping; problems: string[] } {
  if (raw === undefined || raw === null) return { problems: [] };
  const problems: string[] = [];
  type Kind = 'any' | 'numeric' | 'date' | 'relation' | 'component' | 'boolean';
  const field = (uid: string, name: unknown, where: string, kind: Kind, target?: string): string => {
    const attributes = describe(uid) ?? describeComponent(uid);
    if (typeof name !== 'string' || !name) {
      problems.push(`reports.${where} is missing`);
      return '';
    }
    if (!attributes) return name;
    const a = attributes[name];
    if (!a) problems.push(`reports.${where}: "${uid}" has no field "${name}"`);
    else if (kind === 'numeric' && !NUMERIC.has(a.type)) problems.push(`reports.${where}: "${uid}.${name}" is a ${a.type} field, not a number`);
    else if (kind === 'date' && !DATES.has(a.type)) problems.push(`reports.${where}: "${uid}.${name}" is a ${a.type} field, not a date`);
    else if (kind === 'boolean' && a.type !== 'boolean') problems.push(`reports.${where}: "${uid}.${name}" is a ${a.type} field, not a boolean`);
    else if (kind === 'component' && a.type !== 'component') problems.push(`reports.${where}: "${uid}.${name}" is a ${a.type} field, not a component`);
    else if (kind === 'relation' && a.type !== 'relation') problems.push(`reports.${where}: "${uid}.${name}" is a ${a.type} field, not a relation`);
    else if (kind === 'relation' && target && a.target !== target) problems.push(`reports.${where}: "${uid}.${name}" points to "${a.target}", not to "${target}"`);
    return name;
  };
  const optional = (uid: string, name: unknown, where: string, kind: Kind, target?: string) => (name === undefined ? undefined : field(uid, name, where, kind, target));
  const type = (uid: unknown, where: string): string => {
    if (typeof uid !== 'string' || !uid) problems.push(`reports.${where}.uid is missing`);
    else if (!describe(uid)) problems.push(`reports.${where}.uid "${uid}" is not a content type of this app`);
    return String(uid ?? '');
  };
  const predicate = (uid: string, value: any, where: string): FieldPredicate | undefined => {
    if (value === undefined) return undefined;
    if (!value || typeof value.field !== 'string' || (!Array.isArray(value.in) && !Array.isArray(value.notIn))) {
      problems.push(`reports.${where}: expected { field, in: [...] } or { field, notIn: [...] }`);
      return undefined;
    }
    field(uid, value.field, where, 'any');
    return { field: value.field, in: value.in, notIn: value.notIn };
  };

  const p = raw.party ?? {};
  const companyUid = type(raw.company?.uid, 'company');
  const addressComponent = p.addressField ? describe(partyUid)?.[p.addressField] : undefined;
  const addressUid = (addressComponent as any)?.component as string | undefined;
  const sub = (name: unknown, fallback: string, where: string) => (addressUid ? field(addressUid, name ?? fallback, where, 'any') : String(name ?? fallback));
  const party: ReportsMapping['party'] = {
    codeField: field(partyUid, p.codeField, 'party.codeField', 'any'),
    nameField: field(partyUid, p.nameField, 'party.nameField', 'any'),
    legalNameField: optional(partyUid, p.legalNameField, 'party.legalNameField', 'any'),
    addressField: optional(partyUid, p.addressField, 'party.addressField', 'component'),
    addressLines: list(p.addressLines ?? ['line1', 'line2', 'line3']).map((l) => sub(l, l, 'party.addressLines')),
    postalCodeField: sub(p.postalCodeField, 'postalCode', 'party.postalCodeField'),
    cityField: sub(p.cityField, 'city', 'party.cityField'),
    countryField: sub(p.countryField, 'country', 'party.countryField'),
    companyField: optional(partyUid, p.companyField, 'party.companyField', 'relation', companyUid),
    divisionField: optional(partyUid, p.divisionField, 'party.divisionField', 'relation'),
    entityField: optional(partyUid, p.entityField, 'party.entityField', 'relation'),
    professional: {
      when: predicate(partyUid, p.professional?.when, 'party.professional.when'),
      anyOf: list(p.professional?.anyOf).map((f, i) => field(partyUid, f, `party.professional.anyOf[${i}]`, 'any')),
    },
  };
  const c = raw.company ?? {};
  const rate = c.defaultLateRate ?? 10;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) problems.push('reports.company.defaultLateRate must be a number ≥ 0 (annual %)');
  const company: ReportsMapping['company'] = {
    uid: companyUid,
    nameField: field(companyUid, c.nameField, 'company.nameField', 'any'),
    addressField: optional(companyUid, c.addressField, 'company.addressField', 'component'),
    sirenField: optional(companyUid, c.sirenField, 'company.sirenField', 'any'),
    vatField: optional(companyUid, c.vatField, 'company.vatField', 'any'),
    lateRateField: optional(companyUid, c.lateRateField, 'company.lateRateField', 'numeric'),
    defaultLateRate: Number(rate),
    cityField: String(c.cityField ?? 'city'),
    bankField: optional(companyUid, c.bankField, 'company.bankField', 'component'),
    bank: { ibanField: 'iban', bicField: 'bic', bankNameField: 'bankName', holderField: 'accountHolder' },
  };
  const bankComponent = company.bankField ? ((describe(companyUid)?.[company.bankField] as any)?.component as string | undefined) : undefined;
  const b = c.bank ?? {};
  const bankSub = (name: unknown, fallback: string, where: string) => (bankComponent ? field(bankComponent, name ?? fallback, where, 'any') : String(name ?? fallback));
  company.bank = {
    ibanField: bankSub(b.ibanField, 'iban', 'company.bank.ibanField'),
    bicField: bankSub(b.bicField, 'bic', 'company.bank.bicField'),
    bankNameField: bankSub(b.bankNameField, 'bankName', 'company.bank.bankNameField'),
    holderField: bankSub(b.holderField, 'accountHolder', 'company.bank.holderField'),
  };
  const i = raw.invoices ?? {};
  const invUid = type(i.uid, 'invoices');
  const invoicePartyFields = list(i.partyField);
  if (invoicePartyFields.length === 0) problems.push('reports.invoices.partyField is missing');
  const invoices: ReportsMapping['invoices'] = {
    uid: invUid,
    partyFields: invoicePartyFields.map((f) => field(invUid, f, 'invoices.partyField', 'relation', partyUid)),
    numberField: field(invUid, i.numberField, 'invoices.numberField', 'any'),
    dateField: field(invUid, i.dateField, 'invoices.dateField', 'date'),
    dueDateField: field(invUid, i.dueDateField, 'invoices.dueDateField', 'date'),
    totalField: field(invUid, i.totalField, 'invoices.totalField', 'numeric'),
    paidField: field(invUid, i.paidField, 'invoices.paidField', 'numeric'),
    paidOnField: optional(invUid, i.paidOnField, 'invoices.paidOnField', 'date'),
    currencyField: optional(invUid, i.currencyField, 'invoices.currencyField', 'any'),
    companyField: optional(invUid, i.companyField, 'invoices.companyField', 'relation', companyUid),
    open: predicate(invUid, i.open, 'invoices.open') ?? (problems.push('reports.invoices.open is missing'), { field: '', in: [] }),
    creditNote: predicate(invUid, i.creditNote, 'invoices.creditNote'),
  };
  const pay = raw.payments ?? {};
  const payUid = type(pay.uid, 'payments');
  const payments: ReportsMapping['payments'] = {
    uid: payUid,
    partyField: field(payUid, pay.partyField, 'payments.partyField', 'relation', partyUid),
    numberField: field(payUid, pay.numberField, 'payments.numberField', 'any'),
    dateField: field(payUid, pay.dateField, 'payments.dateField', 'date'),
    amountField: field(payUid, pay.amountField, 'payments.amountField', 'numeric'),
    allocatedField: optional(payUid, pay.allocatedField, 'payments.allocatedField', 'numeric'),
    currencyField: optional(payUid, pay.currencyField, 'payments.currencyField', 'any'),
    counted: predicate(payUid, pay.counted, 'payments.counted'),
  };
  const recipients: ReportsMapping['recipients'] = {};
  const e = raw.recipients?.employees;
  if (e) {
    const uid = type(e.uid, 'recipients.employees');
    recipients.employees = {
      uid,
      partyFields: list(e.partyFields).map((f) => field(partyUid, f, 'recipients.employees.partyFields', 'relation', uid)),
      emailField: field(uid, e.emailField, 'recipients.employees.emailField', 'any'),
      nameFields: list(e.nameFields).map((f) => field(uid, f, 'recipients.employees.nameFields', 'any')),
    };
    if (e.component) {
      const comp = describe(partyUid)?.[e.component.field] as any;
      field(partyUid, e.component.field, 'recipients.employees.component.field', 'component');
      if (comp?.component) field(comp.component, e.component.employeeField, 'recipients.employees.component.employeeField', 'relation', uid);
      recipients.employees.component = { field: e.component.field, employeeField: e.component.employeeField };
    }
  }
  const ct = raw.recipients?.contacts;
  if (ct) {
    const uid = type(ct.uid, 'recipients.contacts');
    recipients.contacts = {
      uid,
      partyField: field(uid, ct.partyField, 'recipients.contacts.partyField', 'relation', partyUid),
      emailField: field(uid, ct.emailField, 'recipients.contacts.emailField', 'any'),
      nameFields: list(ct.nameFields).map((f) => field(uid, f, 'recipients.contacts.nameFields', 'any')),
      dunningFlag: optional(uid, ct.dunningFlag, 'recipients.contacts.dunningFlag', 'boolean'),
    };
  }
  return { reports: { party, company, invoices, payments, recipients }, problems };
}
