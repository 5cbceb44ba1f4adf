// A record sheet's sections (declared in its label file) over the Content Manager's edit layout:
// one panel per section, and the list a clerk jumps from. Pure: layouts in, layouts and entries out.
import type { Text, TypeLabels } from '../../labels/catalog';

/** What this needs of a layout field (the Content Manager's EditFieldLayout). */
export interface LayoutField {
  name: string;
  type?: string;
  visible?: boolean;
}

export interface SectionEntry {
  title: Text;
  /** the section's fields the form shows, in the form's order; the first is where a jump lands */
  fields: string[];
}

const sectionIndex = (labels: TypeLabels, field: string) => labels.sections.findIndex((section) => section.fields.includes(field));

const isDynamicZone = <F extends LayoutField>(panel: F[][]) => panel.some((row) => row.some((field) => field.type === 'dynamiczone'));

/**
 * The edit view's panels (boxes), one per section: a row goes with its first field's section, a row of
 * fields no section declares stays with the row above, and a dynamic zone keeps its own panel as Strapi
 * makes it. Rows keep their order, so a layout rearranged in "Configure the view" still shows as set.
 */
export function panelsBySection<F extends LayoutField>(labels: TypeLabels, panels: F[][][]): F[][][] {
  const result: F[][][] = [];
  for (const panel of panels) {
    if (isDynamicZone(panel)) {
      result.push(panel);
      continue;
    }
    let current: F[][] | undefined;
    let currentSection = -1;
    for (const row of panel) {
      const section = row.length ? sectionIndex(labels, row[0].name) : -1;
      if (!current || (section !== -1 && section !== currentSection)) {
        current = [];
        result.push(current);
        if (section !== -1) currentSection = section;
      }
      current.push(row);
    }
  }
  return result;
}

/** The names of the fields the form shows, in its order. */
export const shownFields = <F extends LayoutField>(panels: F[][][]): string[] =>
  panels.flatMap((panel) => panel.flatMap((row) => row.filter((field) => field.visible !== false).map((field) => field.name)));

/** The sections that have a field on the form, in the form's order (a section's first shown field decides). */
export function sectionEntries(labels: TypeLabels, shown: string[]): SectionEntry[] {
  return labels.sections
    .map((section) => ({ title: section.title, fields: shown.filter((field) => section.fields.includes(field)) }))
    .filter((entry) => entry.fields.length > 0)
    .sort((a, b) => shown.indexOf(a.fields[0]) - shown.indexOf(b.fields[0]));
}
