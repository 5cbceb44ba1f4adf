import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldName, localeOfRequest, matches, parseDay, textOf, toMinor, type InvoiceRow, type Mapping, type PartyInfo, type PaymentRow, type ReportsMapping } from '../core';
import { fieldError } from './field-error';
import { publishedOnly } from './draft-publish';
import { reportRows, type DayBounds } from './report-rows';
import { getService } from '../utils/get-service';
import { contentTypeOf } from '../utils/content-type';

/** Parties are read this many at a time (keyset pages), so that memory stays flat on any range. */
export const PARTY_PAGE_SIZE = 200;

export interface PartyFilter {
  party?: string;
  company?: string;
  division?: string;
  entity?: string;
  codeFrom?: string;
  codeTo?: string;
  sort: 'name' | 'code';
}

export interface Letterhead {
  name: string;
  address: string[];
  city: string;
  siren?: string;
  vat?: string;
  lateRatePercent: number;
  /** the company's bank details (payment details of letters and statements), when mapped and filled */
  bank?: BankDetails;
}

export interface BankDetails {
  iban: string;
  bic: string;
  bankName: string;
  holder: string;
}

export interface PartyRecord extends PartyInfo {
  city: string;
  company?: string;
}

/** Bank details as printed: the IBAN in groups of four; none without an IBAN. */
const bankOf = (component: any, r: ReportsMapping): BankDetails | undefined => {
  const b = r.company.bank;
  const iban = str(component?.[b.ibanField]).replace(/\s+/g, '').toUpperCase();
  if (!iban) return undefined;
  return { iban: iban.replace(/(.{4})(?=.)/g, '$1 '), bic: str(component[b.bicField]).trim().toUpperCase(), bankName: str(component[b.bankNameField]).trim(), holder: str(component[b.holderField]).trim() };
};

/** The attributes a read selects, each once (optional mapping fields left out). */
const columns = (fields: (string | undefined)[]): string[] => [...new Set(fields.filter((f): f is string => Boolean(f)))];
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Reads what the reports print, through the `reports` mapping only. */
const reportDataService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mapping = (): Mapping => getService(strapi, 'mapping').get();
  const locale = () => localeOfRequest(strapi.requestContext.get());
  const reports = (): ReportsMapping => {
    const r = mapping().reports;
    if (!r) throw new errors.NotFoundError(textOf('reportsNotConfigured', undefined, locale()), { code: 'reportsNotConfigured' });
    return r;
  };
  const addressOf = (component: any, r: ReportsMapping): string[] => {
    if (!component) return [];
    const lines = r.party.addressLines.map((l) => str(component[l])).filter(Boolean);
    const city = [str(component[r.party.postalCodeField]), str(component[r.party.cityField])].filter(Boolean).join(' ');
    const country = str(component[r.party.countryField]);
    return [...lines, city, country && country !== 'FR' ? country : ''].filter(Boolean);
  };
  const currencyOf = (row: any, field: string | undefined): string => {
    const m = mapping();
    const raw = field ? (m.currency.uid ? row[field]?.[m.currency.codeField] : row[field]) : undefined;
    return typeof raw === 'string' && raw ? raw.toUpperCase() : m.currency.default;
  };

  const toParty = (row: any, r: ReportsMapping): PartyRecord => {
    const p = r.party;
    const address = p.addressField ? row[p.addressField] : undefined;
    const professional = matches(p.professional.when, row) && (p.professional.anyOf.length === 0 || p.professional.anyOf.some((f) => str(row[f]).trim() !== ''));
    return {
      documentId: row.documentId,
      code: str(row[p.codeField]),
      name: str(row[p.nameField]),
      legalName: (p.legalNameField ? str(row[p.legalNameField]).trim() : '') || str(row[p.nameField]),
      address: addressOf(address, r),
      city: address ? str(address[p.cityField]) : '',
      professional,
      company: p.companyField ? row[p.companyField]?.documentId : undefined,
    };
  };

  return {
    reports,

    /** Checks that a relation criterion names an existing record (400 naming the field otherwise). */
    async checkRelation(field: 'company' | 'division' | 'entity', documentId: string | undefined): Promise<void> {
      if (!documentId) return;
      const r = reports();
      const attr = field === 'company' ? r.party.companyField : field === 'division' ? r.party.divisionField : r.party.entityField;
      if (!attr) throw fieldError(locale(), field, 'criterionNotMapped', { field: fieldName(field) });
      const target = contentTypeOf(strapi, mapping().party.uid).attributes[attr].target;
      if ((await strapi.db.query(target).count({ where: { documentId } })) === 0) {
        throw fieldError(locale(), field, 'criterionNotFound', { field: fieldName(field), id: documentId });
      }
    },

    /** Checks that a `party` criterion is the documentId of an existing party (400 naming the field otherwise). */
    async checkParty(documentId: string | undefined): Promise<void> {
      if (documentId === undefined) return;
      reports();
      const uid = mapping().party.uid as any;
      if ((await strapi.db.query(uid).count({ where: { documentId } })) === 0) {
        throw fieldError(locale(), 'party', 'criterionNotFound', { field: fieldName('party'), id: documentId });
      }
    },

    /** Parties in keyset pages of `pageSize`, sorted by name or code, then id (empty names first). */
    async *partyPages(filter: PartyFilter, pageSize = PARTY_PAGE_SIZE): AsyncGenerator<PartyRecord[]> {
      const r = reports();
      const p = r.party;
      const uid = mapping().party.uid as any;
      const where: Record<string, unknown>[] = [];
      if (filter.party) where.push({ documentId: filter.party });
      if (filter.company && p.companyField) where.push({ [p.companyField]: { documentId: filter.company } });
      if (filter.division && p.divisionField) where.push({ [p.divisionField]: { documentId: filter.division } });
      if (filter.entity && p.entityField) where.push({ [p.entityField]: { documentId: filter.entity } });
      if (filter.codeFrom) where.push({ [p.codeField]: { $gte: filter.codeFrom } });
      if (filter.codeTo) where.push({ [p.codeField]: { $lte: filter.codeTo } });
      const sortField = filter.sort === 'code' ? p.codeField : p.nameField;
      const populate: Record<string, unknown> = {};
      if (p.addressField) populate[p.addressField] = true;
      if (p.companyField) populate[p.companyField] = { select: ['documentId'] };
      const query = (extra: Record<string, unknown>, orderBy: Record<string, 'asc'>[]) =>
        strapi.db.query(uid).findMany({ where: { $and: [...where, publishedOnly(strapi, uid), extra] }, orderBy, limit: pageSize, populate });
      // pass 1: parties without a sort value, by id; pass 2: by (value, id)
      let lastId = 0;
      for (;;) {
        const rows = await query({ [sortField]: { $null: true }, id: { $gt: lastId } }, [{ id: 'asc' }]);
        if (rows.length === 0) break;
        yield rows.map((row: any) => toParty(row, r));
        lastId = rows[rows.length - 1].id;
        if (rows.length < pageSize) break;
      }
      let last: { value: unknown; id: number } | null = null;
      for (;;) {
        const after = last ? { $or: [{ [sortField]: { $gt: last.value } }, { [sortField]: last.value, id: { $gt: last.id } }] } : {};
        const rows = await query({ [sortField]: { $notNull: true }, ...after }, [{ [sortField]: 'asc' }, { id: 'asc' }]);
        if (rows.length === 0) break;
        yield rows.map((row: any) => toParty(row, r));
        const tail = rows[rows.length - 1];
        last = { value: tail[sortField], id: tail.id };
        if (rows.length < pageSize) break;
      }
    },

    /**
     * Open invoices of these parties (the first party field set is the party), dated/due as asked;
     * with `creditNotesAnyDue`, open credit notes whatever their due date (a letter deducts them all).
     */
    async invoices(parties: string[], c: { from?: string; to?: string; dueBy?: string; dueBefore?: string; creditNotesAnyDue?: boolean }): Promise<Map<string, InvoiceRow[]>> {
      const r = reports();
      const i = r.invoices;
      const byParty = new Map<string, InvoiceRow[]>();
      if (parties.length === 0) return byParty;
      const dated: DayBounds = [];
      if (c.from) dated.push(['>=', c.from]);
      if (c.to) dated.push(['<=', c.to]);
      const due: DayBounds = [];
      if (c.dueBy) due.push(['<=', c.dueBy]);
      if (c.dueBefore) due.push(['<', c.dueBefore]);
      // the columns a row is built from, not the invoice's every column (thousands of rows a run)
      const fields = columns([i.numberField, i.dateField, i.dueDateField, i.totalField, i.paidField, i.creditNote?.field]);
      const rows = await reportRows(strapi, mapping(), r).invoices({ parties, dated, due, creditNotesAnyDue: Boolean(c.creditNotesAnyDue) }, fields);
      for (const row of rows as any[]) {
        const party = i.partyFields.map((f) => row[f]?.documentId).find((id) => typeof id === 'string');
        if (!party || !parties.includes(party)) continue;
        const currency = currencyOf(row, i.currencyField);
        const list = byParty.get(party) ?? byParty.set(party, []).get(party)!;
        list.push({
          documentId: row.documentId,
          number: str(row[i.numberField]),
          date: parseDay(row[i.dateField]),
          dueDate: parseDay(row[i.dueDateField]),
          totalMinor: toMinor(row[i.totalField], currency),
          paidMinor: toMinor(row[i.paidField], currency),
          currency,
          creditNote: i.creditNote ? matches(i.creditNote, row) : false,
        });
      }
      return byParty;
    },

    /**
     * Payments of these parties dated in the period and not later than `until`; with `unallocatedOnly`,
     * only those not wholly allocated (a letter claims them back, a party's history of settled
     * receipts is not read).
     */
    async payments(parties: string[], c: { from?: string; to?: string; paymentsUntil?: string; unallocatedOnly?: boolean }): Promise<Map<string, PaymentRow[]>> {
      const r = reports();
      const p = r.payments;
      const byParty = new Map<string, PaymentRow[]>();
      if (parties.length === 0) return byParty;
      const dated: DayBounds = [];
      if (c.from) dated.push(['>=', c.from]);
      const upper = [c.to, c.paymentsUntil].filter((d): d is string => Boolean(d)).sort()[0];
      if (upper) dated.push(['<=', upper]);
      const fields = columns([p.numberField, p.dateField, p.amountField, p.allocatedField]);
      const rows = await reportRows(strapi, mapping(), r).payments({ parties, dated, unallocatedOnly: Boolean(c.unallocatedOnly) }, fields);
      for (const row of rows as any[]) {
        const party = row[p.partyField]?.documentId;
        const currency = currencyOf(row, p.currencyField);
        const list = byParty.get(party) ?? byParty.set(party, []).get(party)!;
        list.push({
          documentId: row.documentId,
          number: str(row[p.numberField]),
          date: parseDay(row[p.dateField]),
          amountMinor: toMinor(row[p.amountField], currency),
          allocatedMinor: p.allocatedField ? toMinor(row[p.allocatedField], currency) : 0n,
          currency,
        });
      }
      return byParty;
    },

    /** The company letterhead (cached per run by the caller). */
    async letterhead(companyDocumentId: string | undefined): Promise<Letterhead> {
      const r = reports();
      const c = r.company;
      const populate: Record<string, true> = {};
      if (c.addressField) populate[c.addressField] = true;
      if (c.bankField) populate[c.bankField] = true;
      const row: any = companyDocumentId ? await strapi.db.query(c.uid as any).findOne({ where: { documentId: companyDocumentId }, populate }) : null;
      const address = row && c.addressField ? row[c.addressField] : undefined;
      const rate = row && c.lateRateField && row[c.lateRateField] !== null && row[c.lateRateField] !== undefined ? Number(row[c.lateRateField]) : c.defaultLateRate;
      return {
        name: row ? str(row[c.nameField]) : '',
        address: addressOf(address, r),
        city: address ? str(address[r.party.cityField]) : '',
        siren: row && c.sirenField ? str(row[c.sirenField]) || undefined : undefined,
        vat: row && c.vatField ? str(row[c.vatField]) || undefined : undefined,
        lateRatePercent: rate,
        bank: row && c.bankField ? bankOf(row[c.bankField], r) : undefined,
      };
    },
  };
};

export default reportDataService;
export type ReportDataService = ReturnType<typeof reportDataService>;
