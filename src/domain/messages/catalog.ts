import type { Texts } from './render';
import { customerTexts } from './catalog/customer';
import { customerRecordsTexts } from './catalog/customer-records';
import { dataErrorsTexts } from './catalog/data-errors';
import { flowTexts } from './catalog/flow';
import { flowOperationsTexts } from './catalog/flow-operations';
import { inputGuardsTexts } from './catalog/input-guards';
import { managementTexts } from './catalog/management';
import { opportunityTexts } from './catalog/opportunity';
import { portalTexts } from './catalog/portal';
import { recordInputTexts } from './catalog/record-input';
import { requestInputTexts } from './catalog/request-input';
import { sireneServiceTexts } from './catalog/sirene-service';

/**
 * Every message the app shows to people, by code, in every language we speak. One file per area
 * under catalog/; a code is unique across them (tests/unit/messages.test.ts).
 */
export const AREAS = {
  customer: customerTexts,
  customerRecords: customerRecordsTexts,
  dataErrors: dataErrorsTexts,
  flow: flowTexts,
  flowOperations: flowOperationsTexts,
  inputGuards: inputGuardsTexts,
  management: managementTexts,
  opportunity: opportunityTexts,
  portal: portalTexts,
  recordInput: recordInputTexts,
  requestInput: requestInputTexts,
  sireneService: sireneServiceTexts,
} as const;

export const CATALOG = {
  ...customerTexts,
  ...customerRecordsTexts,
  ...dataErrorsTexts,
  ...flowTexts,
  ...flowOperationsTexts,
  ...inputGuardsTexts,
  ...managementTexts,
  ...opportunityTexts,
  ...portalTexts,
  ...recordInputTexts,
  ...requestInputTexts,
  ...sireneServiceTexts,
} satisfies Record<string, Texts>;
export type MessageCode = keyof typeof CATALOG;
