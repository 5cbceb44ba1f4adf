/** Calendar days as "YYYY-MM-DD", compared in UTC so that time zones never shift a due date. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = value.length > 10 && value[10] === 'T' ? value.slice(0, 10) : value;
  // a run reads the same few hundred days tens of thousands of times: each is checked once
  const known = checkedDays.get(day);
  if (known !== undefined) return known;
  if (checkedDays.size >= 20_000) checkedDays.clear();
  const checked = checkDay(day);
  checkedDays.set(day, checked);
  return checked;
}

const checkedDays = new Map<string, string | null>();

function checkDay(day: string): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === day ? day : null;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const today = (): string => new Date().toISOString().slice(0, 10);
