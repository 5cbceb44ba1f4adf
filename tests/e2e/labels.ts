import { allTypeLabels } from '../../src/labels';

// The admin shows a field by its label (src/labels), never by its attribute name.
const labels = allTypeLabels();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
