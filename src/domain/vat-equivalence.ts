/**
 * The functional area's VAT equivalences (spec, Finances tab): on a management object line, the
 * sold article's VAT code is replaced by its equivalent for the billed customer's area.
 */
export interface Equivalence {
  sourceVatCodeId: number | null;
  targetVatCodeId: number | null;
}

/**
 * The VAT code a line ends with. A line without a VAT code takes its article's; a line whose
 * code is the article's own gets the equivalent. A code the clerk chose otherwise is kept.
 */
export function lineVatCode(lineVatCodeId: number | null, articleVatCodeId: number | null, equivalences: Equivalence[]): number | null {
  const sold = lineVatCodeId ?? articleVatCodeId;
  if (sold === null) return null;
  if (lineVatCodeId !== null && lineVatCodeId !== articleVatCodeId) return lineVatCodeId;
  const match = equivalences.find((e) => e.sourceVatCodeId === sold && e.targetVatCodeId !== null);
  return match ? match.targetVatCodeId : sold;
}
