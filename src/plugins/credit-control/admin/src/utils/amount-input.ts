/**
 * An amount as a clerk types it, in the admin's language, turned into the decimal string the server
 * takes ("7 000,50" in French and "7,000.50" in English both give "7000.50"); null when it is not one.
 * Spaces of any kind group thousands; in French the comma is the decimal mark and a dot may group,
 * in English the dot is the decimal mark and commas group.
 */
export function parseAmountInput(typed: string, locale: string): string | null {
  const text = typed.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return null;
  const french = locale.toLowerCase().startsWith('fr');
  const [group, decimal] = french ? ['.', ','] : [',', '.'];
  // a group mark must sit before exactly three digits; one decimal mark at most
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(\\${decimal}\\d+)?$`);
  if (!grouped.test(text) && !plain.test(text)) {
    // a French clerk may still type a dot as decimal mark (7000.50): accepted when it cannot be a group
    if (french && /^-?\d+\.\d{1,2}$/.test(text)) return text;
    return null;
  }
  return text.split(group).join('').replace(decimal, '.');
}

/** The decimal string shown back in the admin's language, without grouping changes of meaning. */
export function amountForInput(value: string, locale: string): string {
  return locale.toLowerCase().startsWith('fr') ? value.replace('.', ',') : value;
}
