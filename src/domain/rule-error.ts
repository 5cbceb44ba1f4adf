import type { Params } from './messages';

/**
 * A broken domain rule, with the path of the field it concerns (as Strapi's ValidationError wants it).
 * `code` and `params` (from `say`) let the message be shown in the reader's language.
 */
export interface RuleError {
  path: (string | number)[];
  message: string;
  code?: string;
  params?: Params;
}
