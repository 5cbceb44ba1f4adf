import { randomUUID } from 'node:crypto';
import type { RuleError } from '../domain/rule-error';
import type { StoredDocument, StoredLine } from './documents';
import { say } from '../domain/messages';

/**
 * Lines keep their key across edits (Strapi replaces component rows on update, so row ids do not
 * last): an edited line keeps the key of the line it names, by key or by row id; a new line, and
 * every line of a new document (a copy too), gets a fresh one. Made lines point at these keys.
 */
export function assignLineKeys(data: Record<string, unknown>, before: StoredDocument | null, field = 'lines'): RuleError[] {
  const lines = data[field];
  if (!Array.isArray(lines)) return [];
  const errors: RuleError[] = [];
  const existing: StoredLine[] = before?.[field] ?? [];
  const byKey = new Map(existing.filter((l) => l.key).map((l) => [l.key as string, l]));
  const byId = new Map(existing.map((l) => [Number(l.id), l]));
  const used = new Set<string>();
  lines.forEach((line: any, index) => {
    if (!line || typeof line !== 'object') return;
    let key: string | undefined;
    if (before && typeof line.key === 'string' && line.key !== '') {
      if (!byKey.has(line.key)) errors.push({ path: [field, index, 'key'], ...say('lineKeyUnknown', { key: line.key }) });
      else if (used.has(line.key)) errors.push({ path: [field, index, 'key'], ...say('lineKeyTwice', { key: line.key }) });
      key = line.key;
    } else if (before && line.id !== undefined && line.id !== null) {
      key = byId.get(Number(line.id))?.key ?? undefined;
      if (key && used.has(key)) key = undefined;
    }
    line.key = key ?? randomUUID();
    used.add(line.key);
  });
  return errors;
}
