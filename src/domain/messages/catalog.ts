import type { Texts } from './render';
import { customerTexts } from './catalog/customer';
import { recordsTexts } from './catalog/records';

/**
 * Every message the app shows to people, by code, in every language we speak. One file per area
 * under catalog/; a code is unique across them (tests/unit/messages.test.ts).
 */
export const AREAS = { customer: customerTexts, records: recordsTexts } as const;

export const CATALOG = { ...customerTexts, ...recordsTexts } satisfies Record<string, Texts>;
export type MessageCode = keyof typeof CATALOG;
