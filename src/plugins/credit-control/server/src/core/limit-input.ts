// The bodies of the temporary-limit and insurance routes, checked: pure, every problem on its field.
import { fieldName, list, problem, type Problem } from './messages';
import { toMinor, type Minor } from './money';

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface TemporaryLimitInput {
  amountMinor: Minor;
  currency: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface InsuranceInput {
  insurer: string;
  reference: string;
  insuredMinor: Minor;
  currency: string;
  expiresOn: string | null;
}

type Checked<T> = { value: T; problems: [] } | { value: undefined; problems: Problem[] };

function fieldsOf(body: unknown, allowed: string[], problems: Problem[]): Record<string, unknown> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(problem(['data'], 'limitInputObject', { fields: list(allowed) }));
    return {};
  }
  for (const field of Object.keys(data)) {
    if (!allowed.includes(field)) problems.push(problem([field], 'limitUnknownField', { field: fieldName(field), fields: list(allowed) }));
  }
  return data as Record<string, unknown>;
}

function currencyOf(value: unknown, fallback: string, known: string[], problems: Problem[]): string {
  if (value === undefined || value === null || value === '') return fallback;
  const code = String(value).toUpperCase();
  if (!known.includes(code)) problems.push(problem(['currency'], 'unknownCurrency', { field: fieldName('currency'), known: list(known) }));
  return code;
}

function textOf(data: Record<string, unknown>, field: string, max: number, problems: Problem[], required: boolean): string | null {
  const value = data[field];
  if (!required && (value === undefined || value === null || value === '')) return null;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    problems.push(problem([field], 'requiredText', { field: fieldName(field), max }));
    return null;
  }
  return value.trim();
}

/** `{ data: { amount, from, to, currency?, reason? } }`: a raise for whole days, `to` not before `from`. */
export function temporaryLimitInput(body: unknown, defaultCurrency: string, known: string[]): Checked<TemporaryLimitInput> {
  const problems: Problem[] = [];
  const data = fieldsOf(body, ['amount', 'from', 'to', 'currency', 'reason'], problems);
  const amount = String(data.amount ?? '');
  if (!MONEY.test(amount) || /^[0.]+$/.test(amount)) problems.push(problem(['amount'], 'limitAmountFormat', { field: fieldName('amount') }));
  for (const field of ['from', 'to']) if (!isIsoDay(data[field])) problems.push(problem([field], 'isoDay', { field: fieldName(field) }));
  if (isIsoDay(data.from) && isIsoDay(data.to) && data.to < data.from) problems.push(problem(['to'], 'notBefore', { field: fieldName('to'), other: fieldName('from') }));
  const currency = currencyOf(data.currency, defaultCurrency, known, problems);
  const reason = textOf(data, 'reason', 2000, problems, false);
  if (problems.length > 0) return { value: undefined, problems };
  return { value: { amountMinor: toMinor(amount, currency), currency, from: data.from as string, to: data.to as string, reason }, problems: [] };
}

/** `{ data: { insurer, reference, insuredAmount, currency?, expiresOn? } }`: the party's cover, replaced whole. */
export function insuranceInput(body: unknown, defaultCurrency: string, known: string[]): Checked<InsuranceInput> {
  const problems: Problem[] = [];
  const data = fieldsOf(body, ['insurer', 'reference', 'insuredAmount', 'currency', 'expiresOn'], problems);
  const insurer = textOf(data, 'insurer', 255, problems, true);
  const reference = textOf(data, 'reference', 255, problems, true);
  const amount = String(data.insuredAmount ?? '');
  if (!MONEY.test(amount)) problems.push(problem(['insuredAmount'], 'insuredAmountFormat', { field: fieldName('insuredAmount') }));
  const expiresOn = data.expiresOn === undefined || data.expiresOn === null || data.expiresOn === '' ? null : data.expiresOn;
  if (expiresOn !== null && !isIsoDay(expiresOn)) problems.push(problem(['expiresOn'], 'isoDay', { field: fieldName('expiresOn') }));
  const currency = currencyOf(data.currency, defaultCurrency, known, problems);
  if (problems.length > 0) return { value: undefined, problems };
  return { value: { insurer: insurer!, reference: reference!, insuredMinor: toMinor(amount, currency), currency, expiresOn: expiresOn as string | null }, problems: [] };
}
