import { dueOn, priceSchedule, priceTasks } from '../../src/domain/project-plan';

describe("a project's plan", () => {
  test('a task is planned days × daily rate, or a planned amount; a typed amount must agree', () => {
    const { tasks, errors } = priceTasks([
      { label: 'a', plannedDays: '2.5', dailyRate: '800' },
      { label: 'b', plannedAmountExclTax: '1200.00' },
      { label: 'c', plannedDays: '1', dailyRate: '100', plannedAmountExclTax: '90' },
      { label: 'd' },
    ]);
    expect(tasks.map((t) => t.plannedAmountExclTax)).toEqual(['2000.00', '1200.00', '100.00', undefined]);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([
      'tasks.2.plannedAmountExclTax: plannedAmountExclTax must be planned days × daily rate = 100.00',
      'tasks.3.plannedAmountExclTax: a task gives planned days and a daily rate, or a planned amount',
    ]);
  });

  test('a schedule line is a percentage of the project or an amount, and the schedule never passes the project', () => {
    expect(priceSchedule([{ percentage: '33.33' }, { amountExclTax: '500' }], '1000.00')).toEqual({
      lines: [{ percentage: '33.33', amountExclTax: '333.30' }, { amountExclTax: '500.00' }],
      errors: [],
    });
    const over = priceSchedule([{ percentage: '60' }, { amountExclTax: '500' }], '1000');
    expect(over.errors.map((e) => e.message)).toEqual(['the schedule comes to 1100.00, more than the project amount 1000.00']);
    expect(priceSchedule([{ percentage: '10' }], null).errors.map((e) => e.path.join('.'))).toEqual(['billingSchedule.0.percentage']);
    expect(priceSchedule([{ percentage: '10', amountExclTax: '1' }], '100').errors.map((e) => e.message)).toEqual(['amountExclTax must be 10 % of the project amount = 10.00']);
  });

  test('due lines: due on or before the day', () => {
    expect(dueOn([{ dueDate: '2026-01-15' }, { dueDate: '2026-02-01' }, { dueDate: null }], '2026-01-15')).toEqual([{ dueDate: '2026-01-15' }]);
  });
});
