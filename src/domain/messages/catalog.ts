import type { Texts } from './render';
import { customerTexts } from './catalog/customer';

/**
 * Every message the app shows to people, by code, in every language we speak. One file per area
 * under catalog/; a code is unique across them (tests/unit/messages.test.ts).
 */
export const AREAS = { customer: customerTexts } as const;

export const CATALOG = { ...customerTexts } satisfies Record<string, Texts>;
export type MessageCode = keyof typeof CATALOG;
