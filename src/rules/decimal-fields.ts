import type { Core, Schema } from '@strapi/strapi';
import { parseMoney } from '../domain/money';
import type { RuleError } from '../domain/rule-error';

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

/**
 * Checks every decimal of the input, components included, before Strapi's own validation:
 * NaN, "12,50", "1e5", too many decimals, negatives and out-of-range values get a clear
 * message on their path. Accepted values are rewritten as exact decimal strings.
 */
export function checkDecimals(
  strapi: Core.Strapi,
  attributes: Attributes,
  data: Record<string, unknown>,
  path: (string | number)[] = []
): RuleError[] {
  const found: RuleError[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = data[name];
    if (value === undefined || value === null) continue;
    const rule = decimalRule(attribute);
    if (rule) {
      const parsed = parseMoney(value, { ...rule, label: name });
      if (parsed.ok) data[name] = parsed.value.toFixed(rule.scale);
      else found.push({ path: [...path, name], message: parsed.reason });
      continue;
    }
    if (attribute.type === 'component') {
      const component = strapi.getModel(attribute.component as any) as unknown as { attributes: Attributes };
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, index) => {
        if (!item || typeof item !== 'object') return;
        const itemPath = Array.isArray(value) ? [...path, name, index] : [...path, name];
        found.push(...checkDecimals(strapi, component.attributes, item as Record<string, unknown>, itemPath));
      });
    }
  }
  return found;
}
