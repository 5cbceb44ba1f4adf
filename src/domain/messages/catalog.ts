import type { Texts } from './render';
import { customerTexts } from './catalog/customer';
import { customerRecordsTexts } from './catalog/customer-records';
import { dataErrorsTexts } from './catalog/data-errors';
import { flowRulesTexts } from './catalog/flow-rules';
import { flowOperationsTexts } from './catalog/flow-operations';
import { inputGuardsTexts } from './catalog/input-guards';
import { managementTexts } from './catalog/management';
import { opportunityTexts } from './catalog/opportunity';
import { portalTexts } from './catalog/portal';
import { recordInputTexts } from './catalog/record-input';
import { requestInputTexts } from './catalog/request-input';
import { sireneServiceTexts } from './catalog/sirene-service';
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
  customerRecords: customerRecordsTexts,
  dataErrors: dataErrorsTexts,
  flowRules: flowRulesTexts,
  flowOperations: flowOperationsTexts,
  inputGuards: inputGuardsTexts,
  management: managementTexts,
  opportunity: opportunityTexts,
  portal: portalTexts,
  recordInput: recordInputTexts,
  requestInput: requestInputTexts,
  sireneService: sireneServiceTexts,
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
  ...customerRecordsTexts,
  ...dataErrorsTexts,
  ...flowRulesTexts,
  ...flowOperationsTexts,
  ...inputGuardsTexts,
  ...managementTexts,
  ...opportunityTexts,
  ...portalTexts,
  ...recordInputTexts,
  ...requestInputTexts,
  ...sireneServiceTexts,
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
