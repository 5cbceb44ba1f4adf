import fs from 'fs';
import path from 'path';

// Every admin label in English and French: each extension's message files hold the same keys.
const admin = path.resolve(__dirname, '..', '..', 'src', 'admin');
const extensions = fs.readdirSync(admin).filter((dir) => fs.existsSync(path.join(admin, dir, 'translations', 'en.json')));
const keys = (dir: string, lang: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(admin, dir, 'translations', `${lang}.json`), 'utf8'))).sort();

it.each(extensions)('%s: the French messages have the English keys', (dir) => {
  expect(keys(dir, 'fr')).toEqual(keys(dir, 'en'));
});

it('the sales flow names every message it asks for (src/admin/sales-flow)', () => {
  const dir = path.join(admin, 'sales-flow');
  const files = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : []));
  const en = new Set(keys('sales-flow', 'en'));
  // literal ids only (`t('preview.title', ...)`): the built ones (`${spec.id}.title`, states, types) are not checked here
  const asked = files(dir).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.-]+)'/g)].map((m) => `sales-flow.${m[1]}`));
  expect(asked.filter((id) => !en.has(id))).toEqual([]);
});

it('the 360 view names every state of every type it lists, in English and French (src/admin/insights)', () => {
  const read = (lang: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(admin, 'insights', 'translations', `${lang}.json`), 'utf8'));
  const en = read('en');
  const fr = read('fr');
  // the listed types are the ones with a type label; their folders are singular (`invoice`, `supplier-order`)
  const api = path.resolve(admin, '..', 'api');
  const listed = Object.keys(en)
    .filter((id) => id.startsWith('insights.type.') && id !== 'insights.type.creditNote')
    .map((id) => id.slice('insights.type.'.length).replace(/ies$/, 'y').replace(/s$/, ''));
  expect(listed.length).toBeGreaterThan(10);
  const states = listed.flatMap((type) => {
    const schema = JSON.parse(fs.readFileSync(path.join(api, type, 'content-types', type, 'schema.json'), 'utf8'));
    return (schema.attributes.state?.enum ?? []).map((state: string) => `insights.state.${state}`);
  });
  expect(states).toContain('insights.state.superseded');
  expect([...new Set(states)].filter((id) => !en[id] || !fr[id])).toEqual([]);
});
