// The server's view of the label files (src/labels/**.json, emitted beside this file by tsc).
import fs from 'fs';
import path from 'path';
import type { Lang, TypeLabels } from './catalog';
import { typeNoun } from './nouns';

export * from './catalog';
export * from './nouns';

let byUid: Map<string, TypeLabels> | undefined;

/** Every label file, by uid; read once. */
export function allTypeLabels(): Map<string, TypeLabels> {
  if (byUid) return byUid;
  byUid = new Map();
  for (const dir of ['content-types', 'components']) {
    const folder = path.join(__dirname, dir);
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const labels = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as TypeLabels;
      byUid.set(labels.uid, labels);
    }
  }
  return byUid;
}

/** The noun messages name a record of `uid` by, in `lang` (nouns.ts), with its French gender; undefined when the type has no label file. */
export function nounOf(uid: string, lang: Lang): { noun: string; feminine: boolean } | undefined {
  const labels = allTypeLabels().get(uid);
  return labels ? { noun: typeNoun(labels, lang), feminine: labels.gender === 'feminine' } : undefined;
}
