import type { Core } from '@strapi/strapi';

/** The connected sales flow (README, "The sales flow"). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // how far (percent) made documents may go past their source line's quantity and the source's amount
  // (a delivery of 10.2 units for 10 ordered passes at 2); 0 refuses any overrun
  overDeliveryTolerancePercent: env.float('SALES_FLOW_TOLERANCE_PERCENT', 0),
  // the article (code) a delivery note bills under when its item names none: its VAT code and accounts apply
  expensesArticle: env('SALES_FLOW_EXPENSES_ARTICLE', 'FRAIS-DEPL'),
  trainingArticle: env('SALES_FLOW_TRAINING_ARTICLE', 'FORM-INTRA'),
  projectArticle: env('SALES_FLOW_PROJECT_ARTICLE', 'CONS-JOUR'),
});
