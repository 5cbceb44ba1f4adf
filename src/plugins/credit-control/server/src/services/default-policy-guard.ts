import type { Core } from '@strapi/strapi';
import { DEFAULT_PARTY_MAX, DEFAULT_PARTY_PREFIX, fieldName, list, type Locale } from '../core';
import { fieldError } from './field-error';
import { getService } from '../utils/get-service';

/**
 * A default policy's key must be one the mapping offers (`party.defaultPolicyBy`), and its value
 * must fit the policy's party column with its `@key:` prefix. A 400 on `key` or `value` otherwise.
 */
export function checkDefaultFor(strapi: Core.Strapi, locale: Locale, { key, value }: { key: string; value: string }): void {
  const keys = getService(strapi, 'default-policies').keys().map((k) => k.key);
  if (!keys.includes(key)) throw fieldError(locale, 'key', 'defaultKeyUnknown', { field: fieldName('key'), keys: list(keys.length ? keys : ['—']) });
  const max = DEFAULT_PARTY_MAX - DEFAULT_PARTY_PREFIX.length - key.length - 1;
  if (value.trim() === '' || value.length > max) throw fieldError(locale, 'value', 'defaultKeyValue', { field: fieldName('value'), max });
}
