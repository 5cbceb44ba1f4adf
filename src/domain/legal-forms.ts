/**
 * INSEE legal categories (catégories juridiques, level III): the common ones a back office meets.
 * Pure module. Unknown codes are returned as they are: the code is still the truth.
 */
const LEGAL_FORMS: Readonly<Record<string, string>> = {
  '1000': 'Entrepreneur individuel',
  '5202': 'SNC',
  '5306': 'SCS',
  '5308': 'SCA',
  '5485': 'SELARL',
  '5498': 'EURL',
  '5499': 'SARL',
  '5599': 'SA',
  '5699': 'SA à directoire',
  '5710': 'SAS',
  '5720': 'SASU',
  '5785': 'SELAS',
  '5800': 'Société européenne',
  '6220': 'GIE',
  '6540': 'SCI',
  '6599': 'Société civile',
  '9210': 'Association non déclarée',
  '9220': 'Association déclarée',
  '9300': 'Fondation',
};

/** French label of an INSEE legal category code; the code itself when the table does not know it. */
export function legalFormLabel(code: string): string {
  return LEGAL_FORMS[code] ?? code;
}
