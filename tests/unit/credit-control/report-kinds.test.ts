import { isReportKind, REPORT_KINDS, reportKind } from '../../../src/plugins/credit-control/server/src/services/report-kinds';

// The registry is the one list of report kinds: a run's kind is checked against it and each entry
// reads its own criteria.
describe('report kinds', () => {
  it('knows the statement and the dunning run, nothing else', () => {
    expect(Object.keys(REPORT_KINDS)).toEqual(['statement', 'dunning']);
    expect(['statement', 'dunning'].map(isReportKind)).toEqual([true, true]);
    expect(['toString', 'constructor', '', null, 'Statement'].map(isReportKind)).toEqual([false, false, false, false, false]);
  });

  it('parses each kind with its own criteria, naming the bad field', () => {
    expect(reportKind('statement').parse({ asOf: '2025-06-30', locale: 'en' }).errors).toEqual([]);
    expect(reportKind('statement').parse({ asOf: 'yesterday' }).errors.map((e: any) => e.path)).toEqual([['asOf']]);
    const dunning = reportKind('dunning').parse({ asOf: '2025-06-30', dueBefore: '2025-06-30', codeFrom: 'C001' });
    expect(dunning.errors).toEqual([]);
    expect(dunning.criteria).toMatchObject({ codeFrom: 'C001', locale: 'fr' });
    expect(reportKind('dunning').parse({ dueBefore: 'x' }).errors.map((e: any) => e.path)).toContainEqual(['dueBefore']);
  });

  it('titles the PDF in the criteria language', () => {
    expect(reportKind('statement').title({ locale: 'fr' })).not.toBe(reportKind('statement').title({ locale: 'en' }));
  });

  it('draws a dunning run in one transaction only when it records', () => {
    const run = { runId: 'r', onProgress: () => undefined };
    expect(reportKind('dunning').writes({ ...run, record: true })).toBe(true);
    expect(reportKind('dunning').writes({ ...run, record: false })).toBe(false);
    expect(reportKind('statement').writes({ ...run, record: true })).toBe(false);
  });
});
