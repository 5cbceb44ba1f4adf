/** Closed sites and customers past their closure date take no new management objects. */
export interface ClosableSite {
  closed?: boolean | null;
  closedOn?: string | null;
}

export interface ClosableParty {
  closedOn?: string | null;
}

/** ISO date (YYYY-MM-DD) of `now`, the day the closure rules are judged on. */
export const isoDay = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** A site is closed when flagged closed or once its closure date is past. */
export const isSiteClosed = (site: ClosableSite, today: string): boolean =>
  Boolean(site.closed) || (typeof site.closedOn === 'string' && site.closedOn !== '' && site.closedOn < today);

/** A customer stays usable on its closure date and is closed from the day after. */
export const isPartyClosed = (party: ClosableParty, today: string): boolean =>
  typeof party.closedOn === 'string' && party.closedOn !== '' && party.closedOn < today;
