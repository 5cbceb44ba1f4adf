import { Factories, IDS, type Doc } from './factories';
import { customerPortalUser } from './portal-user';
import type { TestApp } from './strapi';

export type Portal = Awaited<ReturnType<typeof customerPortalUser>>;

export interface PortalFixtures {
  f: Factories;
  A: Record<string, Doc>;
  B: Record<string, Doc>;
  /** ordered by B, billed to A: A's invoice (its party), whose `customer` is B */
  billedToA: Doc;
  /** billed to B, ordered by A: B's invoice */
  billedToB: Doc;
  /** A's contact, placed on B's site */
  crossContact: Doc;
  portalA: Portal;
  portalB: Portal;
  unlinked: Portal;
}

/**
 * Two customers (Alpha, Beta) with a site, contacts, invoices and a help-desk issue each, records
 * that cross between them, and a portal login for each plus one linked to no customer.
 */
export async function portalFixtures(app: TestApp): Promise<PortalFixtures> {
  const f = new Factories(app.api);
  const eur = await f.currency({ code: 'EUR', name: 'Euro' });
  const company = await f.company({ currency: eur.documentId });
  const money = { currency: eur.documentId, company: company.documentId };
  const A: Record<string, Doc> = {};
  const B: Record<string, Doc> = {};
  for (const [records, name, siret] of [[A, 'Alpha', IDS.siret], [B, 'Beta', IDS.siret2]] as const) {
    records.customer = await f.customer({ callName: name, corporateName: `${name} Industries SA`, company: company.documentId, siret });
    records.site = await f.site({ customer: records.customer.documentId, name: `${name} HQ` });
    records.contact = await f.contact({ customer: records.customer.documentId, lastName: name, site: records.site.documentId });
    records.invoice = await f.invoice({ customer: records.customer.documentId, ...money });
    records.issue = await f.helpdeskIssue({ customer: records.customer.documentId, title: `${name} issue` });
  }
  const billedToA = await f.invoice({ customer: B.customer.documentId, customerToBill: A.customer.documentId, ...money });
  const billedToB = await f.invoice({ customer: A.customer.documentId, customerToBill: B.customer.documentId, ...money });
  const crossContact = await f.contact({ customer: A.customer.documentId, lastName: 'Crossover', site: B.site.documentId });
  return {
    f,
    A,
    B,
    billedToA,
    billedToB,
    crossContact,
    portalA: await customerPortalUser(app, A.customer.documentId),
    portalB: await customerPortalUser(app, B.customer.documentId),
    unlinked: await customerPortalUser(app, null),
  };
}

/** What identifies customer `records` in a response body: its code, SIRET, names and every documentId. */
export function identifiers(records: Record<string, Doc>): string[] {
  const c = records.customer;
  return [c.code, c.siret, c.callName, c.corporateName, ...Object.values(records).map((d) => d.documentId)].filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** The identifiers of `records` that appear in `body`. */
export function leaked(body: unknown, records: Record<string, Doc>): string[] {
  const text = JSON.stringify(body ?? null);
  return identifiers(records).filter((id) => text.includes(id));
}
