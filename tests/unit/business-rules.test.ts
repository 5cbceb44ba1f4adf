import { chooseBillingSite, resolveCustomerToBill, type ProjectFacts, type SiteFacts, type ToBillLink } from '../../src/domain/billing-resolution';
import { isPartyClosed, isSiteClosed } from '../../src/domain/closing';
import { addDays, computeHoldback } from '../../src/domain/holdback';
import { lineVatCode } from '../../src/domain/vat-equivalence';

const party = (id: number) => ({ id, documentId: `p${id}` });
const site = (id: number, o: Partial<SiteFacts> = {}): SiteFacts => ({ id, documentId: `s${id}`, name: `site ${id}`, isBillingSite: true, ...o });
const link = (id: number, to: number, o: Partial<ToBillLink> = {}): ToBillLink => ({
  id, documentId: `l${id}`, linkedCustomer: party(to), billingSite: null, projectId: null, isDefault: true, ...o,
});
const project = (o: Partial<ProjectFacts> = {}): ProjectFacts => ({ id: 9, multiCustomer: false, customer: null, endCustomer: null, customers: [], ...o });

describe('resolveCustomerToBill', () => {
  const soldTo = party(1);
  it.each([
    ['no link: the sold-to party pays', [], null, 1, 'self'],
    ['a default link', [link(10, 2)], null, 2, 'link'],
    ['a non-default link is only a candidate', [link(10, 2, { isDefault: false })], null, 1, 'self'],
    ["the project's default link wins over the general one", [link(10, 2), link(11, 3, { projectId: 9 })], project(), 3, 'projectLink'],
    ["another project's link does not count", [link(11, 3, { projectId: 8 })], project(), 1, 'self'],
    ['the project names the customer to bill of its end customer', [], project({ customer: party(4), endCustomer: party(1) }), 4, 'project'],
    ['... of a customer of its Customers tab', [], project({ customer: party(4), customers: [party(1)] }), 4, 'project'],
    ['... not of a stranger', [], project({ customer: party(4), endCustomer: party(5) }), 1, 'self'],
    ['a link to itself is ignored', [link(10, 1)], null, 1, 'self'],
  ])('%s', (_name, links, proj, expected, source) => {
    const result = resolveCustomerToBill(soldTo, links as ToBillLink[], proj as ProjectFacts | null);
    expect(result.customerToBill.id).toBe(expected);
    expect(result.source).toBe(source);
  });

  it('warns when several default links compete, and uses the oldest', () => {
    const result = resolveCustomerToBill(soldTo, [link(12, 3), link(10, 2)], null);
    expect(result.customerToBill.id).toBe(2);
    expect(result.warnings).toEqual(['2 default TO_BILL links without a project: the oldest one is used']);
  });

  it('lists the non-default links as candidates', () => {
    const result = resolveCustomerToBill(soldTo, [link(10, 2, { isDefault: false }), link(11, 3, { isDefault: false, projectId: 8 })], null);
    expect(result.candidates.map((l) => l.id)).toEqual([10]);
  });
});

describe('chooseBillingSite', () => {
  const today = '2026-06-01';
  it("takes the link's site when it is open", () => {
    expect(chooseBillingSite(link(1, 2, { billingSite: site(7, { isBillingSite: false }) }), [site(3)], today).site?.id).toBe(7);
  });
  it("falls back to the customer's open billing sites, head office first", () => {
    const result = chooseBillingSite(link(1, 2, { billingSite: site(7, { closed: true }) }), [site(3), site(4, { isHeadOffice: true }), site(2, { closedOn: '2026-01-01', isHeadOffice: true })], today);
    expect(result.site?.id).toBe(4);
    expect(result.warnings).toEqual(["the business link's billing site site 7 is closed"]);
  });
  it('answers null with a warning when there is no open billing site', () => {
    const result = chooseBillingSite(null, [site(3, { isBillingSite: false }), site(4, { closed: true })], today);
    expect(result.site).toBeNull();
    expect(result.warnings[0]).toMatch(/no open billing site/);
  });
});

describe('closing', () => {
  it.each([
    [{ closed: true }, true],
    [{ closed: false, closedOn: '2026-05-31' }, true],
    [{ closedOn: '2026-06-01' }, false],
    [{ closedOn: null }, false],
    [{}, false],
  ])('site %o closed on 2026-06-01: %s', (s, expected) => expect(isSiteClosed(s, '2026-06-01')).toBe(expected));
  it.each([
    ['2026-05-31', true],
    ['2026-06-01', false],
    [null, false],
  ])('customer closed on %s: closed on 2026-06-01 is %s', (closedOn, expected) => expect(isPartyClosed({ closedOn }, '2026-06-01')).toBe(expected));
});

describe('holdback', () => {
  it.each([
    ['2026-01-31', 30, '2026-03-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-28', 2, '2026-03-30'], // across the DST change
    ['2026-12-31', 365, '2027-12-31'],
    ['2026-01-01', 0, '2026-01-01'],
  ])('%s + %d days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it('computes the amount from the rate on the amount incl. tax, rounding half up', () => {
    expect(computeHoldback({ holdbackRate: '5', amountInclTax: '100.10', date: '2026-01-01' }, 10)).toEqual({
      errors: [],
      patch: { holdbackAmount: '5.01', holdbackDueDate: '2026-01-11' },
    });
  });
  it('has no due date without a holdback', () => {
    expect(computeHoldback({ holdbackAmount: '0', amountInclTax: '100', date: '2026-01-01' }, 10).patch.holdbackDueDate).toBeNull();
  });
  it.each([
    [{ holdbackRate: '5', holdbackAmount: '4.00', amountInclTax: '100', date: '2026-01-01' }, 'holdbackAmount'],
    [{ holdbackRate: '-1', amountInclTax: '100', date: '2026-01-01' }, 'holdbackRate'],
    [{ holdbackRate: '5', date: '2026-01-01' }, 'holdbackRate'],
    [{ holdbackAmount: '101', amountInclTax: '100', date: '2026-01-01' }, 'holdbackAmount'],
    [{ holdbackAmount: '1', amountInclTax: '100', date: '2026-01-01', holdbackDueDate: '2026-01-02' }, 'holdbackDueDate'],
  ])('refuses %o on %s', (input, field) => {
    expect(computeHoldback(input, 10).errors.map((e) => e.path[0])).toContain(field);
  });
});

describe('lineVatCode', () => {
  const eq = [{ sourceVatCodeId: 1, targetVatCodeId: 2 }];
  it.each([
    ['no code: the article gives it, then its equivalent', null, 1, 2],
    ["the article's own code gets its equivalent", 1, 1, 2],
    ['a code chosen by hand is kept', 3, 1, 3],
    ['no equivalence: the code stays', 3, 3, 3],
    ['no code and no article code', null, null, null],
  ])('%s', (_name, lineCode, articleCode, expected) => expect(lineVatCode(lineCode, articleCode, eq)).toBe(expected));
});
