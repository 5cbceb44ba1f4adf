// Each extension keeps its own message files, and the label files name every type, field and value;
// the admin takes them as one map per locale.
import actionsEn from './customer-actions/translations/en.json';
import actionsFr from './customer-actions/translations/fr.json';
import insightsEn from './insights/translations/en.json';
import insightsFr from './insights/translations/fr.json';
import flowEn from './sales-flow/translations/en.json';
import flowFr from './sales-flow/translations/fr.json';
import sectionsEn from './sections/translations/en.json';
import sectionsFr from './sections/translations/fr.json';
import { labelMessages } from './labels';

export const translations: Record<string, Record<string, string>> = {
  en: { ...labelMessages.en, ...actionsEn, ...insightsEn, ...flowEn, ...sectionsEn },
  fr: { ...labelMessages.fr, ...actionsFr, ...insightsFr, ...flowFr, ...sectionsFr },
};
