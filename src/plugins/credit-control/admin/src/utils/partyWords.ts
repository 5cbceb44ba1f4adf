import type { CreditMapping } from '../utils/types';

/**
 * The party in its own words: its type's display name ("Customer", "Account") and one party's name,
 * read from the mapping's `party.labelField` (the documentId when none is mapped or the field is empty),
 * and its code (`party.codeField`, '' when none).
 */
export const partyWords = (mapping: CreditMapping, party: { documentId?: string | null; [field: string]: unknown }) => {
  const field = mapping.partyLabelField;
  const value = field ? party[field] : undefined;
  const name = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  const code = mapping.partyCodeField ? party[mapping.partyCodeField] : undefined;
  return { type: mapping.partyDisplayName, name: name || String(party.documentId ?? ''), code: typeof code === 'string' ? code.trim() : '' };
};

/** A party as the decision log shows it: "code – name", whichever is set, else its documentId. */
export const partyText = (code: string | null | undefined, name: string | null | undefined, fallback = '-') =>
  [code, name].map((part) => (part ?? '').trim()).filter(Boolean).join(' – ') || fallback;
