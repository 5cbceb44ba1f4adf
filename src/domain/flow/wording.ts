import { allTypeLabels, typeNoun } from '../../labels';
import { text, type TextParam } from '../messages';
import { flowWords } from '../messages/catalog/flow';
import { frenchSteps } from './steps';

/**
 * The words the flow's messages are built of, in the reader's language: what making a document is
 * called, a document's name (its label's, src/labels), an item's billing condition.
 */

/** A declaration's `verb` ("delivered"), as a French participle agreeing with a masculine or feminine noun. */
export function flowVerb(verb: string, gender: 'masculine' | 'feminine'): TextParam {
  const forms = frenchSteps()[verb];
  return text({ en: verb, fr: forms ? forms[gender === 'feminine' ? 'fs' : 'ms'] : verb });
}

/** A document as messages name it, by its label: "quotation Q-12", in French "devis Q-12". */
export function documentLabel(uid: string, number: string): TextParam {
  const labels = allTypeLabels().get(uid);
  const type = uid.split('.').pop() ?? uid;
  return text({ en: `${labels ? typeNoun(labels, 'en') : type} ${number}`, fr: `${labels ? typeNoun(labels, 'fr') : type} ${number}` });
}

/** The field an item must hold to be billed, and its values: "rebillable" / "true", in French « Refacturable » / coché. */
export function itemCondition(when: { field: string; in: unknown[] } | undefined): { field: TextParam; values: TextParam } {
  const field = String(when?.field);
  const french = (value: unknown) => (value === true ? flowWords.checked : value === false ? flowWords.unchecked : String(value));
  return {
    field: text({ en: field, fr: flowWords.itemFields[field] ?? `« ${field} »` }),
    values: text({ en: (when?.in ?? []).join(' or '), fr: (when?.in ?? []).map(french).join(' ou ') }),
  };
}
