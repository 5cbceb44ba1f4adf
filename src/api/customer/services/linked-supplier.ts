import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuse } from '../../../rules/validation-error';
import { label } from './lifecycle';

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
    if (!source) throw new errors.NotFoundError(`customer or prospect ${documentId} not found`);

    const attributes = (strapi.getModel(SUPPLIER as any) as unknown as { attributes: Record<string, unknown> }).attributes;
    for (const key of Object.keys(overrides)) {
      if (key === 'linkedProspect') refuse(key, 'the linked supplier is always linked to the record it is created from');
      if (!(key in attributes) || ['id', 'documentId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'sites'].includes(key)) {
        refuse(key, `${key} is not a supplier field that can be given here`);
      }
    }

    return strapi.db.transaction(async () => {
      const linked = await strapi.db
        .query(SUPPLIER)
        .findOne({ where: { linkedProspect: { id: source.id } }, select: ['code', 'callName'] });
      if (linked) refuse('linkedProspect', `${label(source)} already has a linked supplier: ${label(linked)}`);

      const given = overrides.code !== undefined && overrides.code !== null && overrides.code !== '';
      if (given && typeof overrides.code !== 'string') refuse('code', 'code must be a string');
      const code = given ? String(overrides.code).trim() : (source.code ?? '');
      if (code === '') refuse('code', `${label(source)} has no code to reuse: give a supplier code`);
      const holder = await strapi.db.query(SUPPLIER).findOne({ where: { code }, select: ['code', 'callName'] });
      if (holder) {
        refuse('code', given ? `supplier code ${code} is already used by supplier ${label(holder)}` : `supplier code ${code} (the record's code) is already used by supplier ${label(holder)}: give a supplier code`);
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
