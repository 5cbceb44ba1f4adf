import { billedAmount, billedOnceErrors, heldBy, itemSourceErrors, itemsToBill, type ItemSource } from '../../src/domain/flow/billed-once';

const spec = { itemWhen: { field: 'rebillable', in: [true] }, verb: 'rebilled', items: 'lines' };
const report: ItemSource = {
  documentId: 'r1',
  label: 'expense-report EXP-1',
  state: 'approved',
  items: [
    { key: 'a', amountExclTax: '100.00', rebillable: true },
    { key: 'b', amountExclTax: '20.50', rebillable: true },
    { key: 'c', amountExclTax: '9.00', rebillable: false },
  ],
};
const note = (documentId: string, state: string, sourceKeys: string[]) => ({ documentId, number: documentId.toUpperCase(), state, sourceKeys });

describe('items billed once', () => {
  test('held: by every holder but cancelled ones and the document being written', () => {
    const held = heldBy([note('d1', 'delivered', ['a']), note('d2', 'cancelled', ['b']), note('d3', 'invoiced', ['x'])], 'd3');
    expect([...held.keys()]).toEqual(['a']);
  });

  test('a line names a billable item no other document holds, once', () => {
    const held = heldBy([note('d1', 'delivered', ['a'])]);
    const errors = billedOnceErrors(spec, [report], [{ sourceKey: 'a' }, { sourceKey: 'c' }, { sourceKey: 'b' }, { sourceKey: 'b' }, { sourceKey: 'order-line' }, {}], held);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([
      'lines.0.sourceKey: this item of expense-report EXP-1 is already rebilled by D1',
      'lines.1.sourceKey: this item of expense-report EXP-1 cannot be rebilled (rebillable is not true)',
      'lines.3.sourceKey: two lines bill the same item of expense-report EXP-1',
    ]);
  });

  test('a source keeps what its documents hold: not removed, still billable', () => {
    const held = heldBy([note('d1', 'delivered', ['a', 'b'])]);
    const edited = { ...report, items: [{ key: 'a', amountExclTax: '100.00', rebillable: false }] };
    expect(itemSourceErrors(spec, edited, held).map((e) => e.message)).toEqual([
      'an item rebilled by D1 must stay rebillable: cancel D1 first',
      'an item rebilled by D1 cannot be removed: cancel D1 first',
    ]);
    expect(itemSourceErrors(spec, report, held)).toEqual([]);
  });

  test('what is billed and what is left', () => {
    const held = heldBy([note('d1', 'delivered', ['b'])]);
    expect(billedAmount(report, held)).toBe('20.50');
    expect(itemsToBill(spec, report, held).map((i) => i.key)).toEqual(['a']);
  });
});
