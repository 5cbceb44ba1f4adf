// Default policies: a policy keyed by one of the party's fields (its company, its family) that
// covers every party without a policy of its own. Pure (no Strapi import).
import type { DescribeModel } from './mapping';
import type { PolicySource } from './effective-limit';

/**
 * One way a default policy can be keyed, from the mapping's `party.defaultPolicyBy` (in order:
 * the first key whose default policy exists wins). `field` is a field of the party: a scalar, a
 * to-one relation (keyed by the target's documentId) or `component.field` (a field of a single
 * component).
 */
export interface DefaultPolicyKey {
  key: string;
  field: string;
  /** a relation key: the target's field that names it for people (the panel's "Default policy by company: Noroît") */
  labelField?: string;
}

/** A default policy is stored as a policy whose party is `@<key>:<value>` (no party documentId starts with `@`). */
export const DEFAULT_PARTY_PREFIX = '@';
/** the policy's `party` column holds 64 characters */
export const DEFAULT_PARTY_MAX = 64;

export const defaultPolicyParty = (key: string, value: string): string => `${DEFAULT_PARTY_PREFIX}${key}:${value}`;

export function parseDefaultParty(party: unknown): { key: string; value: string } | null {
  // a request's `party` may be anything (an array, an object): only a string names a default policy
  if (typeof party !== 'string' || !party.startsWith(DEFAULT_PARTY_PREFIX)) return null;
  const colon = party.indexOf(':');
  if (colon < 2) return null;
  return { key: party.slice(1, colon), value: party.slice(colon + 1) };
}

/** The party's values for each key, in precedence order (keys the party has no value for are left out). */
export type PartyKeys = { key: string; value: string }[];

/**
 * Which policy covers a party: its own when it has one; otherwise the first default policy of its
 * keys, in the mapping's order; otherwise none (the built-in mode none).
 */
export function coveringPolicy<Row>(own: Row | undefined, keys: PartyKeys, defaults: Map<string, Row>): { row: Row | undefined; source: PolicySource } {
  if (own) return { row: own, source: { kind: 'own' } };
  for (const { key, value } of keys) {
    const row = defaults.get(defaultPolicyParty(key, value));
    if (row) return { row, source: { kind: 'default', by: key, key: value } };
  }
  return { row: undefined, source: { kind: 'none' } };
}

const SCALAR = new Set(['string', 'text', 'enumeration', 'uid', 'integer', 'biginteger', 'email']);
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/** Checks `party.defaultPolicyBy` against the party's model; every problem names the key and field. */
export function checkDefaultPolicyBy(raw: unknown, partyUid: string, describe: DescribeModel, describeComponent: DescribeModel): { keys: DefaultPolicyKey[]; problems: string[] } {
  if (raw === undefined || raw === null) return { keys: [], problems: [] };
  const where = 'party.defaultPolicyBy';
  if (!Array.isArray(raw)) return { keys: [], problems: [`${where}: expected a list of { key, field }`] };
  const problems: string[] = [];
  const keys: DefaultPolicyKey[] = [];
  const attributes = describe(partyUid);
  raw.forEach((entry: any, i: number) => {
    const at = `${where}[${i}]`;
    if (typeof entry?.key !== 'string' || !KEY.test(entry.key)) return problems.push(`${at}.key must be a word of letters, digits, - or _ (at most 32)`);
    if (keys.some((k) => k.key === entry.key)) return problems.push(`${at}.key "${entry.key}" is listed twice`);
    if (typeof entry?.field !== 'string' || entry.field === '') return problems.push(`${at}.field is missing`);
    if (!attributes) return undefined;
    const [head, tail] = entry.field.split('.');
    const attribute: any = attributes[head];
    if (!attribute) return problems.push(`${at}.field: "${partyUid}" has no field "${head}"`);
    if (tail !== undefined) {
      const component = attribute.type === 'component' && !attribute.repeatable ? describeComponent(attribute.component) : undefined;
      if (!component) return problems.push(`${at}.field: "${partyUid}.${head}" is not a single component`);
      if (!component[tail]) return problems.push(`${at}.field: component "${attribute.component}" has no field "${tail}"`);
      if (!SCALAR.has(component[tail].type)) return problems.push(`${at}.field: "${entry.field}" is a ${component[tail].type} field, not a text or number`);
    } else if (attribute.type === 'relation') {
      if (!['manyToOne', 'oneToOne'].includes(attribute.relation)) return problems.push(`${at}.field: "${partyUid}.${head}" is a ${attribute.relation} relation, not a to-one relation`);
      if (entry.labelField !== undefined && !describe(attribute.target)?.[entry.labelField]) return problems.push(`${at}.labelField: "${attribute.target}" has no field "${entry.labelField}"`);
    } else if (!SCALAR.has(attribute.type)) return problems.push(`${at}.field: "${partyUid}.${head}" is a ${attribute.type} field, not a text, number or to-one relation`);
    if (entry.labelField !== undefined && (tail !== undefined || attribute.type !== 'relation')) return problems.push(`${at}.labelField is for a relation key only`);
    keys.push({ key: entry.key, field: entry.field, ...(entry.labelField !== undefined ? { labelField: String(entry.labelField) } : {}) });
    return undefined;
  });
  return { keys, problems };
}

/** The party's value for a key, from its row as Strapi's query engine returns it (relations and components populated). */
export function keyValueOf(row: Record<string, any> | null | undefined, field: string): string | null {
  const [head, tail] = field.split('.');
  const value = row?.[head];
  const scalar = tail !== undefined ? value?.[tail] : value !== null && typeof value === 'object' ? value.documentId : value;
  if (scalar === null || scalar === undefined || String(scalar).trim() === '') return null;
  return String(scalar);
}
