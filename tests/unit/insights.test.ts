import { billingByGroup, isSigned, NO_GROUP, parseYears, paymentTerms, paymentTermsOf, projectProfitability, termBand, termBandEdges, TERM_BANDS } from '../../src/domain/insights';

describe('isSigned', () => {
  it('leaves out signed quotations, won opportunities, confirmed orders and contracts in force', () => {
    expect(isSigned('api::quotation.quotation', 'signed')).toBe(true);
    expect(isSigned('api::quotation.quotation', 'sent')).toBe(false);
    expect(isSigned('api::opportunity.opportunity', 'won')).toBe(true);
    expect(isSigned('api::opportunity.opportunity', 'open')).toBe(false);
    expect(isSigned('api::order.order', 'confirmed')).toBe(true);
    expect(isSigned('api::order.order', 'invoiced')).toBe(true);
    expect(isSigned('api::order.order', 'draft')).toBe(false);
    expect(isSigned('api::maintenance-contract.maintenance-contract', 'active')).toBe(true);
  });
  it('never hides deliveries, invoices or receipts', () => {
    expect(isSigned('api::invoice.invoice', 'paid')).toBe(false);
    expect(isSigned('api::delivery.delivery', 'delivered')).toBe(false);
    expect(isSigned('api::receipt.receipt', 'allocated')).toBe(false);
    expect(isSigned('api::order.order', null)).toBe(false);
  });
});

describe('projectProfitability', () => {
  const projects = [
    { documentId: 'a', code: 'P1', name: 'One', yearlyFigures: [{ year: 2024, revenue: '1000.10', cost: 600 }, { year: 2025, revenue: 0.2, cost: '0.1' }] },
    { documentId: 'b', code: 'P2', name: 'Two', yearlyFigures: [{ year: 2025, revenue: 5000, cost: '5500.50' }] },
    { documentId: 'c', code: 'P3', name: 'Empty', yearlyFigures: [] },
  ];
  it('sums revenue, cost and margin per year without float drift', () => {
    const { years } = projectProfitability(projects);
    expect(years).toEqual([
      { year: 2024, revenue: '1000.10', cost: '600.00', margin: '400.10', marginRate: '40.01' },
      { year: 2025, revenue: '5000.20', cost: '5500.60', margin: '-500.40', marginRate: '-10.01' },
    ]);
  });
  it('ranks projects by revenue over the chosen years and drops those without figures', () => {
    const all = projectProfitability(projects).projects;
    expect(all.map((p) => p.documentId)).toEqual(['b', 'a']);
    const only2024 = projectProfitability(projects, [2024]);
    expect(only2024.years.map((y) => y.year)).toEqual([2024]);
    expect(only2024.projects).toEqual([{ documentId: 'a', code: 'P1', name: 'One', revenue: '1000.10', cost: '600.00', margin: '400.10', marginRate: '40.01' }]);
  });
});

describe('termBandEdges', () => {
  it.each(['2026-06-01', '2024-02-28', '2025-12-31'])('puts every due day in the band termBand gives it (today %s)', (today) => {
    const edges = termBandEdges(today);
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    for (let offset = -40; offset <= 130; offset += 1) {
      const byEdges = edges.filter((edge) => day(offset) >= edge).length; // the band's index, as the database groups it
      expect([offset, TERM_BANDS[byEdges]]).toEqual([offset, termBand(offset)]);
    }
  });
});

describe('paymentTerms', () => {
  it('bands the remaining amount by days left to the due date', () => {
    expect([-1, 0, 30, 31, 60, 61, 90, 91].map(termBand)).toEqual(['overdue', 'dueIn0to30', 'dueIn0to30', 'dueIn31to60', 'dueIn31to60', 'dueIn61to90', 'dueIn61to90', 'dueAfter90']);
    const result = paymentTerms(
      [
        { amountInclTax: '120.00', amountPaid: '20.00', dueDate: '2026-05-31' }, // overdue by 1 day
        { amountInclTax: 50.1, amountPaid: 0, dueDate: '2026-06-01' }, // due today
        { amountInclTax: 0.2, amountPaid: null, dueDate: '2026-07-01' }, // 30 days
        { amountInclTax: 300, amountPaid: 0, dueDate: '2026-07-02' }, // 31 days
        { amountInclTax: 10, amountPaid: 10, dueDate: '2026-07-02' }, // settled: left out
        { amountInclTax: 70, amountPaid: 0, dueDate: null, date: '2026-01-01' }, // no due date: the invoice date
        { amountInclTax: 999.99, amountPaid: 0, dueDate: '2026-12-31' },
        { amountInclTax: 5, amountPaid: 0, dueDate: null, date: null }, // neither date: due today, not overdue
      ],
      '2026-06-01'
    );
    expect(result.bands).toEqual([
      { band: 'overdue', count: 2, amount: '170.00' },
      { band: 'dueIn0to30', count: 3, amount: '55.30' },
      { band: 'dueIn31to60', count: 1, amount: '300.00' },
      { band: 'dueIn61to90', count: 0, amount: '0.00' },
      { band: 'dueAfter90', count: 1, amount: '999.99' },
    ]);
    expect(result.total).toBe('1525.29');
  });
});

describe('paymentTermsOf', () => {
  it('bands amounts the database grouped by due day, counting their invoices', () => {
    const result = paymentTermsOf(
      [
        { dueOn: '2026-05-31', count: 3, remaining: '300.10' },
        { dueOn: '2026-06-01', count: 2, remaining: 0.2 },
        { dueOn: null, count: 1, remaining: '5.00' }, // neither date: due today, not overdue
        { dueOn: '2026-09-30', count: 4, remaining: '1000000000.01' },
      ],
      '2026-06-01'
    );
    expect(result.bands).toEqual([
      { band: 'overdue', count: 3, amount: '300.10' },
      { band: 'dueIn0to30', count: 3, amount: '5.20' },
      { band: 'dueIn31to60', count: 0, amount: '0.00' },
      { band: 'dueIn61to90', count: 0, amount: '0.00' },
      { band: 'dueAfter90', count: 4, amount: '1000000000.01' },
    ]);
    expect(result.total).toBe('1000000305.31');
  });

  it("counts the credit notes still to apply negative, in the band of their own due date: the statement's balance due", () => {
    const result = paymentTermsOf(
      [
        { dueOn: '2026-05-31', count: 2, remaining: '1200.00' },
        { dueOn: '2026-05-20', count: 1, remaining: '120.00', creditNote: true },
        { dueOn: '2026-06-20', count: 1, remaining: '0.10', creditNote: true },
        { dueOn: '2026-06-20', count: 1, remaining: 600.2 },
      ],
      '2026-06-01'
    );
    expect(result.bands.slice(0, 2)).toEqual([
      { band: 'overdue', count: 3, amount: '1080.00' },
      { band: 'dueIn0to30', count: 2, amount: '600.10' },
    ]);
    expect(result).toMatchObject({ invoices: '1800.20', creditNotes: '120.10', total: '1680.10' });
    expect(paymentTerms([{ amountInclTax: '50.00', amountPaid: 0, dueDate: '2026-06-02', creditNote: true }], '2026-06-01')).toMatchObject({ total: '-50.00', creditNotes: '50.00' });
  });
});

describe('billingByGroup', () => {
  const tools = { documentId: 'f1', code: 'TOOLS', label: 'Tools' };
  const svc = { documentId: 'f2', code: 'SVC', label: 'Services' };
  it('sums per year and group, credit notes negative, with each share of the year', () => {
    const result = billingByGroup([
      { year: 2025, creditNote: false, amountExclTax: '300.00', group: tools },
      { year: 2025, creditNote: false, amountExclTax: 100, group: svc },
      { year: 2025, creditNote: true, amountExclTax: '100.00', group: tools },
      { year: 2025, creditNote: false, amountExclTax: 0.1, group: null },
      { year: 2024, creditNote: false, amountExclTax: 0.2, group: svc },
    ]);
    expect(result.groups).toEqual([
      { key: 'f2', code: 'SVC', label: 'Services' },
      { key: 'f1', code: 'TOOLS', label: 'Tools' },
      { key: NO_GROUP, code: null, label: null },
    ]);
    expect(result.years).toEqual([
      { year: 2024, total: '0.20', groups: [{ key: 'f2', amount: '0.20', share: '100.00' }] },
      {
        year: 2025,
        total: '300.10',
        groups: [
          { key: 'f2', amount: '100.00', share: '33.32' },
          { key: 'f1', amount: '200.00', share: '66.64' },
          { key: NO_GROUP, amount: '0.10', share: '0.03' },
        ],
      },
    ]);
    expect(billingByGroup([{ year: 2024, creditNote: false, amountExclTax: 1, group: svc }], [2025]).years).toEqual([]);
  });
});

describe('parseYears', () => {
  it('accepts a list of years and refuses anything else with its catalog code and the part that is not a year', () => {
    expect(parseYears(undefined)).toEqual({ ok: true, years: [] });
    expect(parseYears('2025,2024,2025')).toEqual({ ok: true, years: [2024, 2025] });
    expect(parseYears('20x5')).toEqual({ ok: false, code: 'insightsYearsOutOfRange', part: '20x5' });
    expect(parseYears('1899')).toEqual({ ok: false, code: 'insightsYearsOutOfRange', part: '1899' });
    expect(parseYears('2024,,2025')).toMatchObject({ ok: false, part: '' });
    expect(parseYears(['2024'])).toEqual({ ok: false, code: 'insightsYearsNotText' });
  });
});
