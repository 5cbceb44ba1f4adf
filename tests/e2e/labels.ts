import { allTypeLabels } from '../../src/labels';

// The admin shows a field by its label (src/labels), never by its attribute name.
const labels = allTypeLabels();
/** `text` matched literally in a RegExp. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English label of `field` of `uid`. */
export const label = (uid: string, field: string): string => {
  const text = labels.get(uid)?.fields[field]?.en;
  if (!text) throw new Error(`no label for ${uid}.${field}`);
  return text;
};

/** A form field found by its label, in English or French (a required one ends with "*"). */
export const labelled = (uid: string, field: string) => {
  const text = labels.get(uid)?.fields[field];
  if (!text) throw new Error(`no label for ${uid}.${field}`);
  return new RegExp(`^(${escape(text.en)}|${escape(text.fr)})`);
};

/** The same label at the start of a line of text ("Date: …"). */
export const labelledLine = (uid: string, field: string) => new RegExp(`^${escape(label(uid, field))}:`);

/** What the admin shows for an enumeration value (`state` `partiallyPaid` of an invoice) in `lang`. */
export const valueText = (uid: string, field: string, value: string, lang: 'en' | 'fr'): string => {
  const text = labels.get(uid)?.values?.[field]?.[value]?.[lang];
  if (!text) throw new Error(`no label for ${uid}.${field} = ${value}`);
  return text;
};

/** A type's name in `lang`. */
export const typeText = (uid: string, lang: 'en' | 'fr'): string => {
  const text = labels.get(uid)?.name[lang];
  if (!text) throw new Error(`no name for ${uid}`);
  return text;
};

/** A type's record sheet sections, in its label file's order: title in `lang` and fields. */
export const sectionsOf = (uid: string, lang: 'en' | 'fr'): { title: string; fields: string[] }[] => {
  const sections = labels.get(uid)?.sections;
  if (!sections) throw new Error(`no sections for ${uid}`);
  return sections.map((section) => ({ title: section.title[lang], fields: section.fields }));
};
