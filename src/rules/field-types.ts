import type { Core, Schema } from '@strapi/strapi';
import { say, type Said } from '../domain/messages';
import { parseMoney } from '../domain/money';
import type { RuleError } from '../domain/rule-error';
import { asSaid } from './said';
import { describeValue, fieldWord, typeWord } from './words';

type Attributes = Record<string, Schema.Attribute.AnyAttribute>;

interface DecimalRule {
  scale: number;
  allowNegative: boolean;
}

const decimalRule = (attribute: Schema.Attribute.AnyAttribute): DecimalRule | undefined => {
  if (attribute.type !== 'decimal') return undefined;
  const args = (attribute as { columnType?: { args?: number[] } }).columnType?.args;
  const min = (attribute as { min?: number }).min;
  return { scale: args?.[1] ?? 2, allowNegative: !(typeof min === 'number' && min >= 0) };
};

const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'password', 'enumeration', 'date', 'datetime', 'time']);

/** What a scalar field takes in JSON; Strapi's validation coerces some (an array for a boolean) instead of refusing them. */
function scalarProblem(type: string, value: unknown, field: string): Said | undefined {
  if (value instanceof Date && (type === 'date' || type === 'datetime' || type === 'time')) return undefined; // from code
  const got = () => describeValue(value, 'plain');
  if (type === 'boolean' && typeof value !== 'boolean') return say('fieldNotBoolean', { field, got: got() });
  if ((type === 'integer' || type === 'biginteger') && !(Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d{1,18}$/.test(value)))) {
    return say('fieldNotWholeNumber', { field, got: got() });
  }
  if (STRING_TYPES.has(type) && typeof value !== 'string') return say('fieldNotText', { field, got: got() });
  return undefined;
}

/**
 * Checks the type of every scalar and decimal of the input, components included, before Strapi's
 * own validation. Decimals: NaN, "12,50", "1e5", too many decimals, negatives and out-of-range
 * values get a clear message on their path, and accepted values are rewritten as exact decimal
 * strings. Other scalars must have their JSON type (a boolean is true or false, not [true]).
 */
export function checkFieldTypes(strapi: Core.Strapi, uid: string, data: Record<string, unknown>, path: (string | number)[] = []): RuleError[] {
  const { attributes } = strapi.getModel(uid as any) as unknown as { attributes: Attributes };
  const found: RuleError[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = data[name];
    if (value === undefined) continue;
    const field = fieldWord(uid, name);
    if (value === null) {
      // Strapi's own answer names NaN ("must be a `number` type, but the final value was: `NaN`")
      if ((attribute as { required?: boolean }).required) found.push({ path: [...path, name], ...say('fieldRequiredNotNull', { field }) });
      continue;
    }
    const rule = decimalRule(attribute);
    if (rule) {
      const parsed = parseMoney(value, { ...rule, label: field });
      if (parsed.ok) data[name] = parsed.value.toFixed(rule.scale);
      else found.push({ path: [...path, name], ...asSaid(parsed.reason) });
      continue;
    }
    const problem = scalarProblem(attribute.type, value, field);
    if (problem) {
      found.push({ path: [...path, name], ...problem });
      continue;
    }
    if (attribute.type === 'component') {
      const component = strapi.getModel(attribute.component as any) as unknown as { info?: { displayName?: string } };
      const items = Array.isArray(value) ? value : [value];
      if (attribute.repeatable ? !Array.isArray(value) : Array.isArray(value) || typeof value !== 'object') {
        const params = { field, component: typeWord(attribute.component, component.info?.displayName ?? 'component') };
        found.push({ path: [...path, name], ...say(attribute.repeatable ? 'componentListExpected' : 'componentOneExpected', params) });
        continue;
      }
      items.forEach((item, index) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          found.push({ path: [...path, name, index], ...say('componentItemsNotObjects', { field }) });
          return;
        }
        const itemPath = Array.isArray(value) ? [...path, name, index] : [...path, name];
        found.push(...checkFieldTypes(strapi, attribute.component, item as Record<string, unknown>, itemPath));
      });
    }
  }
  return found;
}
