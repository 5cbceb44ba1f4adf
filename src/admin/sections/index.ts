// The record sheet's sections (src/labels): each in its own box on the form, and listed in a side
// panel, right under the Entry panel, to jump to one.
import { labelsOfLayout } from '../labels';
import { SectionsPanel } from './SectionsPanel';
import { panelsBySection, type LayoutField } from './sections';

interface Layouts {
  layout: { layout: LayoutField[][][]; settings: Record<string, unknown> };
  query: unknown;
}

/** `Admin/CM/pages/EditView/mutate-edit-view-layout`: one panel per section ("Configure the view" flattens panels, so nothing is saved). */
export function boxSections({ layout, query }: Layouts): Layouts {
  const labels = labelsOfLayout(layout);
  if (!labels) return { layout, query };
  return { query, layout: { ...layout, layout: panelsBySection(labels, layout.layout) } };
}

export function registerSections(app: any): void {
  app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', boxSections);
  app.getPlugin('content-manager')?.apis?.addEditViewSidePanel((panels: { type?: string }[]) => {
    const entry = panels.findIndex((panel) => panel.type === 'actions');
    return [...panels.slice(0, entry + 1), SectionsPanel, ...panels.slice(entry + 1)];
  });
}
