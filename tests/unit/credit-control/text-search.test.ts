import { ACCENTED, PLAIN, containsPattern, foldText } from '../../../src/plugins/credit-control/server/src/core';

// What a clerk types, folded as the decision log's SQL folds the parties' codes and names (services/dialect.ts).
it('maps each accented letter to one plain letter, so SQL translate() and replace() can use the same table', () => {
  expect([...ACCENTED]).toHaveLength(PLAIN.length);
  expect(new Set(ACCENTED).size).toBe(PLAIN.length);
  expect(PLAIN).toMatch(/^[a-zA-Z]+$/);
});

it.each([
  ['Éléonore DUPRÉ', 'eleonore dupre'],
  ['Çà et là', 'ca et la'],
  ['Zoë Ÿvette Ñoño', 'zoe yvette nono'],
  ['plain text', 'plain text'],
])('folds %s to %s', (typed, folded) => {
  expect(foldText(typed)).toBe(folded);
});

it('builds a contains pattern whose wildcards and escape are taken literally', () => {
  expect(containsPattern('  Dupré ')).toBe('%dupre%');
  expect(containsPattern('100%_ok\\')).toBe('%100\\%\\_ok\\\\%');
});
