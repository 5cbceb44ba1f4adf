import fs from 'fs';
import path from 'path';

// Every admin label in English and French: each extension's message files hold the same keys.
const admin = path.resolve(__dirname, '..', '..', 'src', 'admin');
const extensions = fs.readdirSync(admin).filter((dir) => fs.existsSync(path.join(admin, dir, 'translations', 'en.json')));
const keys = (dir: string, lang: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(admin, dir, 'translations', `${lang}.json`), 'utf8'))).sort();

it.each(extensions)('%s: the French messages have the English keys', (dir) => {
  expect(keys(dir, 'fr')).toEqual(keys(dir, 'en'));
});

// literal ids only (`t('preview.title', ...)`): the built ones (`${spec.id}.title`, types) are not checked here; states,
// event types and kinds come from the label files (src/labels, checked by labels.test.ts)
it.each([
  ['sales-flow', 'sales-flow.'],
  ['insights', 'insights.'],
])('%s names every message it asks for', (folder, prefix) => {
  const dir = path.join(admin, folder);
  const files = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : []));
  const en = new Set(keys(folder, 'en'));
  const asked = files(dir).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.-]+)'/g)].map((m) => `${prefix}${m[1]}`));
  expect(asked.length).toBeGreaterThan(20);
  expect(asked.filter((id) => !en.has(id))).toEqual([]);
});
