import { initialPortion, plainDecimal, portionBody, sentLines, withFreeLines } from '../../src/admin/sales-flow/portion';

// The pass-on modal's portion → the operation's body (src/admin/sales-flow/portion.ts).
const free = [
  { sourceKey: 'a', label: 'Audit', quantity: '10.000', unitPrice: '500.00' },
  { sourceKey: 'b', label: 'Training', quantity: '2.500', unitPrice: '1000.00' },
];

it('starts with every free line ticked in full, shown without trailing zeros: "all that is left" sends no lines', () => {
  const state = withFreeLines(initialPortion(), free);
  expect(state.picked).toEqual({ a: { on: true, quantity: '10' }, b: { on: true, quantity: '2.5' } });
  expect(portionBody(state, free)).toEqual({ by: 'quantity' });
  expect(withFreeLines(state, free)).toBe(state);
});

it('sends the chosen lines and quantities, in the order the server numbers its errors', () => {
  const state = withFreeLines(initialPortion(), free);
  state.picked.a = { on: false, quantity: '10' };
  state.picked.b = { on: true, quantity: ' 1 ' };
  expect(portionBody(state, free)).toEqual({ by: 'quantity', lines: [{ sourceKey: 'b', quantity: '1' }] });
  expect(sentLines(state, free).map((l) => l.sourceKey)).toEqual(['b']);
  state.picked.b.on = false;
  expect(portionBody(state, free)).toBeNull();
});

it('asks nothing until a percentage or an amount is given', () => {
  expect(portionBody({ ...initialPortion('percentage') }, free)).toBeNull();
  expect(portionBody({ ...initialPortion('percentage'), percentage: ' 40 ' }, free)).toEqual({ by: 'percentage', percentage: '40' });
  expect(portionBody({ ...initialPortion('amount'), amount: '1234.50' }, null)).toEqual({ by: 'amount', amount: '1234.50' });
  expect(portionBody(initialPortion('quantity'), null)).toBeNull();
});

it('reads decimals plainly', () => {
  expect(['10.000', '2.500', '0.250', '7', '100'].map(plainDecimal)).toEqual(['10', '2.5', '0.25', '7', '100']);
});
