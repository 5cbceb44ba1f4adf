// Each extension keeps its own message files; the admin takes them as one map per locale.
import actionsEn from './customer-actions/translations/en.json';
import actionsFr from './customer-actions/translations/fr.json';
import insightsEn from './insights/translations/en.json';
import insightsFr from './insights/translations/fr.json';
import flowEn from './sales-flow/translations/en.json';
import flowFr from './sales-flow/translations/fr.json';

export const translations: Record<string, Record<string, string>> = {
  en: { ...actionsEn, ...insightsEn, ...flowEn },
  fr: { ...actionsFr, ...insightsFr, ...flowFr },
};
