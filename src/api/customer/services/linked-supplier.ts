import type { Core } from '@strapi/strapi';
import { refuse } from '../../../rules/validation-error';
import { label } from './lifecycle';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';
import { fieldWord } from '../../../rules/words';

const CUSTOMER = 'api::customer.customer';
const SUPPLIER = 'api::supplier.supplier';
const COPIED = ['callName', 'corporateName', 'siret', 'siren', 'vatNumber', 'apeCode', 'legalForm', 'country'];
const COMPONENTS = ['address', 'contactDetails', 'bankDetails'];
const RELATIONS = ['paymentTerm', 'currency', 'company'];


/** A component copied to another record: without its row ids (they belong to the source record). */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, v]) => [key, withoutIds(v)]));
  }
  return value;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * New linked supplier: a supplier record pre-filled from the prospect (or customer) and linked
   * to it; `overrides` are supplier fields that replace the pre-fill.
   */
  async create(documentId: string, overrides: Record<string, unknown>) {
    const source = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, populate: [...COMPONENTS, ...RELATIONS] });
    if (!source) throw notFound(say('customerOrProspectNotFound', { documentId }));

    const attributes = (strapi.getModel(SUPPLIER as any) as unknown as { attributes: Record<string, unknown> }).attributes;
    for (const key of Object.keys(overrides)) {
      if (key === 'linkedProspect') refuse(key, say('linkedSupplierFixedLink'));
      if (!(key in attributes) || ['id', 'documentId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'sites'].includes(key)) {
        refuse(key, say('notSupplierField', { field: fieldWord(SUPPLIER, key) }));
      }
    }

    return strapi.db.transaction(async () => {
      const linked = await strapi.db
        .query(SUPPLIER)
        .findOne({ where: { linkedProspect: { id: source.id } }, select: ['code', 'callName'] });
      if (linked) refuse('linkedProspect', say('alreadyLinkedSupplier', { record: label(source), supplier: label(linked) }));

      const given = overrides.code !== undefined && overrides.code !== null && overrides.code !== '';
      if (given && typeof overrides.code !== 'string') refuse('code', say('fieldNotString', { field: fieldWord(SUPPLIER, 'code') }));
      const code = given ? String(overrides.code).trim() : (source.code ?? '');
      if (code === '') refuse('code', say('noCodeToReuse', { record: label(source) }));
      const holder = await strapi.db.query(SUPPLIER).findOne({ where: { code }, select: ['code', 'callName'] });
      if (holder) {
        refuse('code', say(given ? 'supplierCodeUsed' : 'supplierCodeFromRecordUsed', { code, supplier: label(holder) }));
      }

      const data: Record<string, unknown> = { linkedProspect: source.documentId };
      for (const key of COPIED) if (source[key] !== null && source[key] !== undefined) data[key] = source[key];
      for (const key of COMPONENTS) if (source[key]) data[key] = withoutIds(source[key]);
      for (const key of RELATIONS) if (source[key]) data[key] = source[key].documentId;
      Object.assign(data, overrides, { code });
      return strapi.documents(SUPPLIER).create({ data: data as any, populate: ['linkedProspect', 'company', 'currency', 'paymentTerm', ...COMPONENTS] as any });
    });
  },
});
