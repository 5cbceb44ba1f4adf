/** A broken domain rule, with the path of the field it concerns (as Strapi's ValidationError wants it). */
export interface RuleError {
  path: (string | number)[];
  message: string;
}
