// A record's caption ("C000001 – Bocage Ouest"): what relation pickers and lists show for a record,
// from its label file's template. Pure.

const PLACEHOLDER = /\{(\w+)\}/g;
const SEPARATOR = ' – ';

/** The attributes a caption template reads. */
export function captionFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The template filled from the record; a missing part drops its separator ("– Bocage" never shows). */
export function renderCaption(template: string, record: Record<string, unknown>): string | null {
  const parts = template.split(SEPARATOR).map((part) =>
    part
      .replace(PLACEHOLDER, (_, field: string) => (record[field] === null || record[field] === undefined ? '' : String(record[field])))
      .replace(/\s+/g, ' ')
      .trim()
  );
  const caption = parts.filter((part) => part !== '').join(SEPARATOR);
  return caption === '' ? null : caption;
}
