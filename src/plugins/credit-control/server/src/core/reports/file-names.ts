/** Letters, digits and hyphens only: what every mail client and browser keeps of a file name. */
const ascii = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "Relance amiable" → "relance-amiable", "Aperçu des relances" → "apercu-des-relances". */
export const slug = (text: string): string => ascii(text).toLowerCase();

/**
 * A report's file name in its language: the first of `titles` that leaves a slug (a label, then a
 * code as fallback), then the references (a customer code, a day) kept in their case, ASCII-safe,
 * e.g. `relance-amiable-C000020-2026-12-05.pdf`. Safe in a quoted Content-Disposition filename.
 */
export function reportFileName(titles: string | (string | null | undefined)[], ...refs: (string | null | undefined)[]): string {
  const title = ([] as (string | null | undefined)[]).concat(titles).map((t) => slug(t ?? '')).find((s) => s !== '') ?? 'report';
  return [title, ...refs.map((r) => ascii(r ?? ''))].filter((part) => part !== '').join('-') + '.pdf';
}
