import type { Texts } from './render';
import { customerTexts } from './catalog/customer';
import { recordsTexts } from './catalog/records';
import { moneyTexts } from './catalog/money';
import { identifiersTexts } from './catalog/identifiers';
import { accountingTexts } from './catalog/accounting';
import { totalsTexts } from './catalog/totals';
import { holdbackTexts } from './catalog/holdback';
import { projectTexts } from './catalog/project';
import { flowTexts } from './catalog/flow';
import { sireneTexts } from './catalog/sirene';
import { viesTexts } from './catalog/vies';
import { billingTexts } from './catalog/billing';
import { insightsTexts } from './catalog/insights';

/**
 * Every message the app shows to people, by code, in every language we speak. One file per area
 * under catalog/; a code is unique across them (tests/unit/messages.test.ts).
 */
export const AREAS = {
  customer: customerTexts,
  records: recordsTexts,
  money: moneyTexts,
  identifiers: identifiersTexts,
  accounting: accountingTexts,
  totals: totalsTexts,
  holdback: holdbackTexts,
  project: projectTexts,
  flow: flowTexts,
  sirene: sireneTexts,
  vies: viesTexts,
  billing: billingTexts,
  insights: insightsTexts,
} as const;

export const CATALOG = {
  ...customerTexts,
  ...recordsTexts,
  ...moneyTexts,
  ...identifiersTexts,
  ...accountingTexts,
  ...totalsTexts,
  ...holdbackTexts,
  ...projectTexts,
  ...flowTexts,
  ...sireneTexts,
  ...viesTexts,
  ...billingTexts,
  ...insightsTexts,
} satisfies Record<string, Texts>;
export type MessageCode = keyof typeof CATALOG;
