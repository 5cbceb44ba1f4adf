// The portion a clerk picks in a pass-on modal, and the operation body it becomes (pure: unit-tested).

/** A line of what an operation would make (its preview). */
export interface PreviewLine {
  sourceKey?: string;
  label?: string | null;
  quantity: string;
  unitPrice: string;
  vatRate?: string | null;
  amountExclTax?: string;
}

/** How much of a source to pass on, as the operations take it. */
export type Portion =
  | { by: 'quantity'; lines?: { sourceKey: string; quantity: string }[] }
  | { by: 'percentage'; percentage: string }
  | { by: 'amount'; amount: string };

export type By = Portion['by'];

export interface PortionState {
  by: By;
  /** per source line (sourceKey): ticked, and the quantity asked */
  picked: Record<string, { on: boolean; quantity: string }>;
  percentage: string;
  amount: string;
}

/** A decimal string without its trailing zeros ('10.000' → '10', '2.500' → '2.5'): what a clerk reads and types. */
export const plainDecimal = (value: string) => (value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value);

export const initialPortion = (by: By = 'quantity'): PortionState => ({ by, picked: {}, percentage: '', amount: '' });

/** Each free line ticked with all that is free on it, for the lines not yet in the state. */
export const withFreeLines = (state: PortionState, free: PreviewLine[]): PortionState => {
  const missing = free.filter((l) => l.sourceKey && !(l.sourceKey in state.picked));
  if (missing.length === 0) return state;
  return { ...state, picked: { ...state.picked, ...Object.fromEntries(missing.map((l) => [l.sourceKey!, { on: true, quantity: plainDecimal(l.quantity) }])) } };
};

/** The lines sent, in the order the server numbers them (`lines.0.quantity`...). */
export const sentLines = (state: PortionState, free: PreviewLine[]) =>
  free.filter((l) => l.sourceKey && state.picked[l.sourceKey]?.on).map((l) => ({ sourceKey: l.sourceKey!, quantity: state.picked[l.sourceKey!].quantity.trim() }));

/**
 * The operation's portion; null while incomplete (nothing ticked, no percentage or amount yet).
 * Every free line ticked in full sends no lines: "all that is left", as the server reads it.
 */
export const portionBody = (state: PortionState, free: PreviewLine[] | null): Portion | null => {
  if (state.by === 'percentage') return state.percentage.trim() ? { by: 'percentage', percentage: state.percentage.trim() } : null;
  if (state.by === 'amount') return state.amount.trim() ? { by: 'amount', amount: state.amount.trim() } : null;
  if (!free) return null;
  const lines = sentLines(state, free);
  if (free.length > 0 && lines.length === 0) return null;
  const whole = lines.length === free.length && free.every((l) => plainDecimal(state.picked[l.sourceKey!]?.quantity.trim() ?? '') === plainDecimal(l.quantity));
  return whole ? { by: 'quantity' } : { by: 'quantity', lines };
};
