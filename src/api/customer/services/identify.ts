import type { Core } from '@strapi/strapi';
import type { SireneAddress, SireneIdentity } from '../../../domain/sirene';
import { refuse } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';
import { shown } from '../../../rules/said';
import { notFound } from '../../../rules/said-errors';

const CUSTOMER = 'api::customer.customer';

export interface IdentifyInput {
  siret?: unknown;
  siren?: unknown;
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Address fields INSEE gave; the ones it withholds keep the record's value rather than being erased. */
function mergedAddress(current: Record<string, unknown> | null | undefined, filled: SireneAddress): Record<string, unknown> {
  const { id: _id, __component: _c, ...kept } = current ?? {};
  return { ...kept, ...filled };
}

/** Customer fields filled from a Sirene identity (only what INSEE disclosed). */
function patchFrom(identity: SireneIdentity, currentAddress: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const patch: Record<string, unknown> = { siren: identity.siren };
  if (identity.siret) patch.siret = identity.siret;
  if (identity.callName) patch.callName = identity.callName;
  if (identity.apeCode) patch.apeCode = identity.apeCode;
  if (identity.legalForm) patch.legalForm = identity.legalForm;
  if (identity.address && Object.keys(identity.address).length > 0) patch.address = mergedAddress(currentAddress, identity.address);
  return patch;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Looks the customer up in SIRENE (by the given SIRET or SIREN, else the record's own) and writes what
   * it found through the document service, so the customer rules check it like any other write.
   */
  async identify(documentId: string, input: IdentifyInput) {
    if (given(input.siret) && given(input.siren)) refuse('siren', say('siretOrSirenNotBoth'));
    const customer = await strapi.documents(CUSTOMER).findOne({ documentId, populate: ['address'] });
    if (!customer) throw notFound(say('noCustomerWithDocumentId', { documentId }));

    const sirene = strapi.service('api::identification.sirene');
    const record = customer as Record<string, any>;
    let identity: SireneIdentity;
    if (given(input.siret)) identity = await sirene.bySiret(input.siret);
    else if (given(input.siren)) identity = await sirene.bySiren(input.siren);
    else if (given(record.siret)) identity = await sirene.bySiret(record.siret);
    else if (given(record.siren)) identity = await sirene.bySiren(record.siren);
    else refuse('siret', say('identifyNeedsSiretOrSiren'));

    const updated = await strapi.documents(CUSTOMER).update({
      documentId,
      data: patchFrom(identity, record.address) as any,
      populate: ['address'],
    });
    return { customer: updated, withheld: identity.withheld, warnings: identity.warnings.map(shown) };
  },
});
