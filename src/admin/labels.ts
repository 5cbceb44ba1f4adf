// The label files (src/labels) as admin messages, and the edit view's hints in the admin's language.
/// <reference types="vite/client" />
import { useIntl } from 'react-intl';
import { adminMessages, isComponentUid, pickLang, type Text, type TypeLabels } from '../labels/catalog';

const files = import.meta.glob<TypeLabels>('../labels/**/*.json', { eager: true, import: 'default' });
const all = Object.values(files);
const byUid = new Map(all.map((labels) => [labels.uid, labels]));

/** A type's or component's label file. */
export const labelsOf = (uid: string): TypeLabels | undefined => byUid.get(uid);

/** The label file of the type an edit layout shows: the layout names it only by displayName, each label file's English name. */
export const labelsOfLayout = (layout: { settings: Record<string, unknown> }): TypeLabels | undefined =>
  all.find((labels) => !isComponentUid(labels.uid) && labels.name.en === layout.settings.displayName);

// Strapi's French leaves the length hint under each field in English ("max. 255 characters")
const contentManagerFr = { 'content-manager.form.Input.hint.character.unit': '{maxValue, plural, one { caractère} other { caractères}}' };

export const labelMessages = { en: adminMessages(all, 'en'), fr: { ...adminMessages(all, 'fr'), ...contentManagerFr } };

interface LayoutField {
  name: string;
  hint?: string;
}
type Rows = LayoutField[][];
interface EditLayout {
  layout: Rows[];
  components: Record<string, { layout: Rows }>;
  settings: Record<string, unknown>;
}

// Strapi keeps the admin's language there; the hook below runs outside React.
const adminLang = () => pickLang(window.localStorage.getItem('strapi-admin-language'));

const hinted = (rows: Rows, uid: string, lang: keyof Text): Rows =>
  rows.map((row) =>
    row.map((field) => {
      const hint = byUid.get(uid)?.fields[field.name]?.hint;
      return hint ? { ...field, hint: hint[lang] } : field;
    })
  );

/** The Content Manager stores one (English) description per field: the hook swaps in the admin's language. */
export function translateHints({ layout, query }: { layout: EditLayout; query: unknown }) {
  const lang = adminLang();
  if (lang === 'en') return { layout, query };
  const uid = labelsOfLayout(layout)?.uid ?? '';
  return {
    query,
    layout: {
      ...layout,
      layout: layout.layout.map((panel) => hinted(panel, uid, lang)),
      components: Object.fromEntries(
        Object.entries(layout.components).map(([componentUid, component]) => [componentUid, { ...component, layout: hinted(component.layout, componentUid, lang) }])
      ),
    },
  };
}

/** A type's and a field's name, and an enumeration value's label, in the admin's language, as the Content Manager shows them. */
export function useLabels() {
  const { formatMessage, locale } = useIntl();
  const lang = pickLang(locale);
  return {
    /** a text of a label file (a section's title) in the admin's language */
    text: (text: Text) => text[lang],
    typeName: (displayName: string) => formatMessage({ id: displayName, defaultMessage: displayName }),
    fieldLabel: (uid: string, field: string) => formatMessage({ id: `content-manager.content-types.${uid}.${field}`, defaultMessage: field }),
    /** `valueLabel('api::invoice.invoice', 'state', 'partiallyPaid')`: "Partly paid", fr "Partiellement réglé"; the raw value when unlabelled */
    valueLabel: (uid: string, field: string, value: string | null | undefined) =>
      value === null || value === undefined || value === '' ? '' : (byUid.get(uid)?.values?.[field]?.[value]?.[lang] ?? value),
  };
}
