// Bringing a field of the open record into view and focus. Strapi names each input after its field
// (`name="generalAccount"`, `name="marketing.family"` inside a component): that is what we look for.
// A field without a named input (media, a repeatable component whose entries are closed) is found by
// its label, Strapi's own text from src/labels. Nothing found: nothing happens.

const FOCUSABLE = 'input:not([type="hidden"]), textarea, select, button, [role="combobox"], [tabindex]:not([tabindex="-1"])';

const shown = (el: Element) => el.getClientRects().length > 0;
/** the record's form, not the side panels (Strapi renders each as an `aside`) */
const inForm = (el: Element) => !el.closest('aside');

function namedInput(root: ParentNode, field: string): HTMLElement | undefined {
  const name = CSS.escape(field);
  return [...root.querySelectorAll<HTMLElement>(`[name="${name}"], [name^="${name}."]`)].find((el) => shown(el) && inForm(el));
}

/** A label reads "Salesmen", "Salesmen (2)" (entries) or "Call name*" (required). */
const labelText = (el: Element) => (el.textContent ?? '').replace(/\*$/, '').replace(/\s*\(\d+\)\s*$/, '').trim();

function labelledControl(root: ParentNode, label: string): { label: HTMLElement; control?: HTMLElement } | undefined {
  const found = [...root.querySelectorAll<HTMLElement>('label')].find((el) => inForm(el) && shown(el) && labelText(el) === label);
  if (!found) return undefined;
  const control = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
    (el) => inForm(el) && shown(el) && Boolean(found.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
  );
  return { label: found, control };
}

/**
 * Scrolls to the first of `fields` found on the page and focuses it; `labelOf` gives a field's label as
 * the admin shows it. Returns the field reached, or undefined.
 */
export function reachField(fields: string[], labelOf: (field: string) => string, root: ParentNode = document.querySelector('main') ?? document): string | undefined {
  for (const field of fields) {
    const input = namedInput(root, field);
    if (input) {
      input.focus({ preventScroll: true });
      input.scrollIntoView({ block: 'center' });
      return field;
    }
    const labelled = labelledControl(root, labelOf(field));
    if (labelled) {
      labelled.control?.focus({ preventScroll: true });
      labelled.label.scrollIntoView({ block: 'center' });
      return field;
    }
  }
  return undefined;
}
