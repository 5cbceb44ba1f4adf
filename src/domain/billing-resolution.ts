/**
 * Who pays for what a sold-to party buys (spec, "Creating business links"): a TO_BILL business link
 * of the sold-to party marked Default names the customer to bill, a link of the project first;
 * a project names its customer to bill (customer) for its end customer (sold-to party).
 * Without either, the sold-to party pays and the other links are only candidates.
 */
import { isSiteClosed, type ClosableSite } from './closing';
import { DEFAULT_LOCALE, say, translate, type Locale, type MessageCode } from './messages';

export interface PartyRef {
  id: number;
  documentId: string;
}

export interface SiteFacts extends ClosableSite {
  id: number;
  documentId: string;
  name: string;
  isBillingSite?: boolean | null;
  isHeadOffice?: boolean | null;
}

export interface ToBillLink {
  id: number;
  documentId: string;
  linkedCustomer: PartyRef;
  billingSite: SiteFacts | null;
  projectId: number | null;
  isDefault: boolean;
}

export interface ProjectFacts {
  id: number;
  multiCustomer: boolean;
  customer: PartyRef | null;
  endCustomer: PartyRef | null;
  customers: PartyRef[];
}

export type BillingSource = 'projectLink' | 'link' | 'project' | 'self' | 'given';

export interface BillingResolution {
  customerToBill: PartyRef;
  source: BillingSource;
  link: ToBillLink | null;
  /** non-default links: the clerk picks one by hand, as the spec says */
  candidates: ToBillLink[];
  /** in the reader's language */
  warnings: string[];
}

/** The project's sold-to parties: its end customer and the customers of its Customers tab. */
export const soldToPartiesOf = (project: ProjectFacts): PartyRef[] =>
  [project.endCustomer, ...project.customers].filter((p): p is PartyRef => Boolean(p));

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/** Warnings are written in `locale`. */
export function resolveCustomerToBill(soldTo: PartyRef, links: ToBillLink[], project: ProjectFacts | null, locale: Locale = DEFAULT_LOCALE): BillingResolution {
  const warnings: string[] = [];
  const usable = links.filter((l) => l.linkedCustomer.id !== soldTo.id).sort(byId);
  const pick = (scope: ToBillLink[], several: MessageCode) => {
    if (scope.length > 1) warnings.push(translate(say(several, { count: scope.length }), locale));
    return scope[0];
  };
  const projectDefault = project ? usable.filter((l) => l.isDefault && l.projectId === project.id) : [];
  if (projectDefault.length > 0) {
    const link = pick(projectDefault, 'billingDefaultLinksOfProject');
    return { customerToBill: link.linkedCustomer, source: 'projectLink', link, candidates: [], warnings };
  }
  const generalDefault = usable.filter((l) => l.isDefault && l.projectId === null);
  if (generalDefault.length > 0) {
    const link = pick(generalDefault, 'billingDefaultLinksWithoutProject');
    return { customerToBill: link.linkedCustomer, source: 'link', link, candidates: [], warnings };
  }
  const candidates = usable.filter((l) => !l.isDefault && (l.projectId === null || l.projectId === project?.id));
  if (project?.customer && project.customer.id !== soldTo.id && soldToPartiesOf(project).some((p) => p.id === soldTo.id)) {
    return { customerToBill: project.customer, source: 'project', link: null, candidates, warnings };
  }
  return { customerToBill: soldTo, source: 'self', link: null, candidates, warnings };
}

/**
 * The billing site: the link's own site when open, else the open billing sites of the customer
 * to bill, head office first. Null (with a warning, in `locale`) when it has none.
 */
export function chooseBillingSite(link: ToBillLink | null, sites: SiteFacts[], today: string, locale: Locale = DEFAULT_LOCALE): { site: SiteFacts | null; warnings: string[] } {
  const warnings: string[] = [];
  if (link?.billingSite) {
    if (!isSiteClosed(link.billingSite, today)) return { site: link.billingSite, warnings };
    warnings.push(translate(say('billingLinkSiteClosed', { site: link.billingSite.name }), locale));
  }
  const open = sites.filter((s) => s.isBillingSite && !isSiteClosed(s, today));
  open.sort((a, b) => Number(Boolean(b.isHeadOffice)) - Number(Boolean(a.isHeadOffice)) || a.id - b.id);
  if (open.length === 0) warnings.push(translate(say('billingNoOpenSite'), locale));
  return { site: open[0] ?? null, warnings };
}
