// The Content Manager configuration a type's label file asks for: labels and hints (English, the
// admin translates them), the record sheet's field order by section, the list columns, the main field.
// Pure: the caller says which fields can be edited and how wide each one is.
import { fieldText, isComponentUid, type TypeLabels } from '../labels/catalog';

export interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

export interface ContentManagerConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] } & Record<string, unknown>;
}

export interface LayoutFacts {
  /** false for what the Content Manager never shows in a form (timestamps, hidden attributes) */
  editable(field: string): boolean;
  /** the width (of 12) the Content Manager gives this field */
  size(field: string): number;
  /** for a relation: how the target names a record (its caption, else its main field), when it has a label file */
  relationMainField(field: string): string | undefined;
}

const ROW = 12;
/** written by the app from the label file's template, never typed */
const CAPTION = 'caption';

/** Rows of the edit view: each section starts a row, fields fill rows of 12. */
export function editRows(labels: TypeLabels, facts: LayoutFacts): { name: string; size: number }[][] {
  const rows: { name: string; size: number }[][] = [];
  for (const section of labels.sections) {
    let row: { name: string; size: number }[] = [];
    for (const name of section.fields.filter((f) => facts.editable(f) && !(labels.caption && f === CAPTION))) {
      const size = facts.size(name);
      if (row.reduce((sum, f) => sum + f.size, 0) + size > ROW) {
        rows.push(row);
        row = [];
      }
      row.push({ name, size });
    }
    if (row.length) rows.push(row);
  }
  return rows;
}

export function labelledConfiguration(
  current: ContentManagerConfiguration,
  labels: TypeLabels,
  facts: LayoutFacts
): ContentManagerConfiguration {
  const metadatas: Record<string, FieldMetadata> = {};
  for (const [field, metadata] of Object.entries(current.metadatas)) {
    const text = fieldText(labels, field);
    const mainField = facts.relationMainField(field);
    metadatas[field] = {
      edit: {
        ...metadata.edit,
        ...(text && { label: text.en, description: labels.fields[field]?.hint?.en ?? '' }),
        ...(mainField && { mainField }),
        ...(labels.caption && field === CAPTION && { visible: false, editable: false }),
      },
      list: { ...metadata.list, ...(text && { label: text.en }) },
    };
  }
  const component = isComponentUid(labels.uid);
  return {
    settings: {
      ...current.settings,
      ...(!component && labels.mainField && { mainField: labels.mainField, defaultSortBy: labels.mainField, defaultSortOrder: 'ASC' }),
    },
    metadatas,
    layouts: {
      ...current.layouts,
      list: !component && labels.list ? labels.list : current.layouts.list,
      edit: editRows(labels, facts),
    },
  };
}
