import type { DocContext } from '../../database/seeds/doc-common';
import { fromProject } from '../../database/seeds/plan-quotations';
import { Rng } from '../../database/seeds/prng';
import type { PartyRef, QuotableItem } from '../../database/seeds/types';

// The generator's quotations "from a task" / "from a schedule": what the operation would make, and each project sold once.
const vat20 = { id: 1, code: 'FR20', rateBp: 2000, rate: '20.00' };
const vatZero = { id: 2, code: 'FR00', rateBp: 0, rate: '0.00' };
const article = { id: 7, code: 'CONS-JOUR', label: 'Conseil', priceCents: 65000, unit: 'jour', vat: vat20, family: 'PREST' };
const dc = { ref: { articles: [article], vatZero }, keys: new Rng(3, 'keys') } as unknown as DocContext;

const item = (projectId: number, from: 'task' | 'schedule', key: string, over: Partial<QuotableItem> = {}): QuotableItem => ({
  projectId, startDay: 1000, endDay: 1500, draft: false, from, key, label: `${from} ${key}`, quantity: from === 'task' ? 12000 : 1000,
  priceCents: from === 'task' ? 65000 : 234000, amountCents: from === 'task' ? 780000 : 234000, articleId: article.id, ...over,
});
const partyWith = (quotable: QuotableItem[], vatMode = 'FR') =>
  ({ quotable, vatMode, dueSchedule: quotable.filter((i) => i.from === 'schedule').map((i) => ({ projectId: i.projectId, key: i.key, label: i.label, dueDay: 990, amountCents: i.amountCents, articleId: i.articleId })) }) as unknown as PartyRef;

test('a drawn "task" quotation quotes the tasks of the first project in its window, a line per task at its days and rate', () => {
  const party = partyWith([item(1, 'task', 't1'), item(1, 'task', 't2', { quantity: 2500, priceCents: 40000, amountCents: 100000 }), item(1, 'schedule', 's1'), item(2, 'task', 'u1')]);
  const made = fromProject(dc, party, 'task', 980)!;
  expect(party.quotable).toHaveLength(4); // nothing taken before the quotation is known to hold its items
  made.take();
  expect(made).toMatchObject({ origin: 'task', projectId: 1, quotedCents: 880000 });
  expect(made.totals.lines.map((l) => [l.sourceKey, l.label, l.quantity, l.priceCents, l.vat.code])).toEqual([
    ['t1', 'task t1', 12000, 65000, 'FR20'],
    ['t2', 'task t2', 2500, 40000, 'FR20'],
  ]);
  expect(made.totals.exclCents).toBe(880000);
  expect(made.totals.lines.every((l) => l.key?.length === 36)).toBe(true);
  // the project is sold: none of its items is quoted again, nor its schedule billed straight; the other project stays
  expect(party.quotable.map((i) => i.key)).toEqual(['u1']);
  expect(party.dueSchedule).toEqual([]);
});

test('a drawn "schedule" quotation quotes the schedule lines; a customer outside France gets the zero rate', () => {
  const party = partyWith([item(4, 'task', 't1'), item(4, 'schedule', 's1'), item(4, 'schedule', 's2')], 'EU');
  const made = fromProject(dc, party, 'schedule', 1000)!;
  made.take();
  expect(made.totals.lines.map((l) => [l.sourceKey, l.quantity, l.vat.code])).toEqual([['s1', 1000, 'FR00'], ['s2', 1000, 'FR00']]);
  expect(made.quotedCents).toBe(468000);
  expect(party.quotable).toEqual([]);
});

test('a project is quoted by a quotation within 90 days of its start (a draft one from 180 days before), later only by a drawn origin until it ends', () => {
  const at = (day: number, drawn = 'direct', over: Partial<QuotableItem> = {}) => fromProject(dc, partyWith([item(1, 'task', 't1', { endDay: 1400, ...over })]), drawn, day)?.projectId ?? null;
  expect([at(909), at(910), at(1090), at(1091)]).toEqual([null, 1, 1, null]);
  expect([at(909, 'task'), at(1091, 'task'), at(1400, 'schedule'), at(1401, 'task')]).toEqual([null, 1, null, null]); // no schedule line here
  expect([at(819, 'direct', { draft: true }), at(820, 'direct', { draft: true })]).toEqual([null, 1]);
  const party = partyWith([item(2, 'task', 't1', { draft: true, endDay: 1400 })]);
  fromProject(dc, party, 'direct', 900)!.take();
  expect(fromProject(dc, party, 'task', 900)).toBeNull(); // quoted once
});
