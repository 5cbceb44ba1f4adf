// The server's view of the label files (src/labels/**.json, emitted beside this file by tsc).
import fs from 'fs';
import path from 'path';
import type { TypeLabels } from './catalog';

export * from './catalog';

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
