// What a clerk reads for each type, field and enum value, in English and French: one label file per
// content type or component (src/labels/**.json), read by the server (Content Manager configuration,
// messages) and by the admin (translations). Pure: imports nothing from Strapi or the browser.

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export type Text = Record<Lang, string>;

export interface Section {
  title: Text;
  fields: string[];
}

export interface TypeLabels {
  /** `api::customer.customer`, or a component's `shared.address` */
  uid: string;
  /** `en` is the schema's displayName: the admin translates a type's name by it; messages name a record by it too (nouns.ts) */
  name: Text;
  /** content types: the French name's gender, for the articles of messages (« la commande », « le devis ») */
  gender?: 'masculine' | 'feminine';
  /** content types: the attribute that names a record (titles, relation pickers) */
  mainField?: string;
  /**
   * content types: how a record is named where it is picked, e.g. "{code} – {callName}"; stored in
   * the type's `caption` attribute on every write
   */
  caption?: string;
  /** content types: the list view's columns */
  list?: string[];
  /** the record sheet in reading order; every attribute in exactly one section */
  sections: Section[];
  fields: Record<string, Text & { hint?: Text }>;
  /** per enumeration attribute, per value */
  values?: Record<string, Record<string, Text>>;
}

/** Attributes Strapi adds to every content type, shown in lists and filters. */
export const SYSTEM_FIELDS: Record<string, Text> = {
  id: { en: 'ID', fr: 'ID' },
  documentId: { en: 'Document ID', fr: 'ID du document' },
  createdAt: { en: 'Created on', fr: 'Créé le' },
  updatedAt: { en: 'Updated on', fr: 'Modifié le' },
  publishedAt: { en: 'Published on', fr: 'Publié le' },
  createdBy: { en: 'Created by', fr: 'Créé par' },
  updatedBy: { en: 'Updated by', fr: 'Modifié par' },
  locale: { en: 'Locale', fr: 'Langue' },
  localizations: { en: 'Translations', fr: 'Traductions' },
};

export const isComponentUid = (uid: string) => !uid.includes('::');

export function pickLang(locale: string | null | undefined): Lang {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

/** The label of a field (system fields included), or undefined when none is declared. */
export function fieldText(labels: TypeLabels | undefined, field: string): Text | undefined {
  return labels?.fields[field] ?? (labels && !isComponentUid(labels.uid) ? SYSTEM_FIELDS[field] : undefined);
}

/**
 * The admin's messages for one language. The Content Manager translates a field label by
 * `content-manager.content-types.<uid>.<field>` (components: `content-manager.components.…`),
 * a type's name by its displayName and an enumeration value by the value itself.
 */
export function adminMessages(all: TypeLabels[], lang: Lang): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const labels of all) {
    const prefix = isComponentUid(labels.uid) ? 'content-manager.components' : 'content-manager.content-types';
    const fields = isComponentUid(labels.uid) ? labels.fields : { ...SYSTEM_FIELDS, ...labels.fields };
    for (const [field, text] of Object.entries(fields)) messages[`${prefix}.${labels.uid}.${field}`] = text[lang];
    messages[labels.name.en] = labels.name[lang];
    for (const values of Object.values(labels.values ?? {})) {
      for (const [value, text] of Object.entries(values)) messages[value] ??= text[lang];
    }
  }
  return messages;
}

/**
 * Enumeration values translated differently in two places: the admin keys a value's translation by
 * the value alone, so one of them would show the other's words.
 */
export function valueConflicts(all: TypeLabels[]): string[] {
  const seen = new Map<string, { text: Text; where: string }>();
  const conflicts: string[] = [];
  for (const labels of all) {
    for (const [field, values] of Object.entries(labels.values ?? {})) {
      for (const [value, text] of Object.entries(values)) {
        const where = `${labels.uid}.${field}`;
        const before = seen.get(value);
        if (!before) seen.set(value, { text, where });
        else if (LANGS.some((l) => before.text[l] !== text[l])) {
          conflicts.push(`${value}: ${before.where} says ${JSON.stringify(before.text)}, ${where} says ${JSON.stringify(text)}`);
        }
      }
    }
  }
  return conflicts;
}
