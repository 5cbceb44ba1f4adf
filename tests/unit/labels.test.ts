import fs from 'fs';
import path from 'path';
import { adminMessages, LANGS, valueConflicts, type TypeLabels } from '../../src/labels/catalog';
import { allTypeLabels } from '../../src/labels';
import { captionFields, renderCaption } from '../../src/labels/caption';
import { editRows, labelledConfiguration, type LayoutFacts } from '../../src/content-manager/configuration';

// Every type, field and enumeration value a clerk sees has an English and a French label (src/labels).
// The runtime check over what Strapi loads (plugins' types included) is tests/api/content-manager-labels.test.ts.
const src = path.resolve(__dirname, '..', '..', 'src');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

interface Schema {
  info: { displayName: string };
  attributes: Record<string, { type: string; enum?: string[]; relation?: string }>;
}
const schemas = new Map<string, Schema>();
for (const api of fs.readdirSync(path.join(src, 'api'))) {
  const dir = path.join(src, 'api', api, 'content-types');
  if (!fs.existsSync(dir)) continue;
  for (const type of fs.readdirSync(dir)) schemas.set(`api::${api}.${type}`, read(path.join(dir, type, 'schema.json')));
}
for (const category of fs.readdirSync(path.join(src, 'components'))) {
  for (const file of fs.readdirSync(path.join(src, 'components', category))) schemas.set(`${category}.${file.replace(/\.json$/, '')}`, read(path.join(src, 'components', category, file)));
}
const labels = allTypeLabels();
const all = [...labels.values()];
const app = [...schemas.entries()];

it('has a label file for every content type and component of the app', () => {
  expect(app.map(([uid]) => uid).filter((uid) => !labels.has(uid))).toEqual([]);
  expect(schemas.size).toBeGreaterThan(45);
});

describe.each(app)('%s', (uid, schema) => {
  const file = () => labels.get(uid)!;
  const text = (t: unknown) => LANGS.every((l) => typeof (t as Record<string, unknown>)?.[l] === 'string' && ((t as Record<string, string>)[l]).trim() !== '');

  it('names the type in both languages, English as its displayName', () => {
    expect(file().name.en).toBe(schema.info.displayName);
    expect(text(file().name)).toBe(true);
  });

  it('labels every attribute in both languages, none raw, and no attribute it does not have', () => {
    const attributes = Object.keys(schema.attributes);
    expect(Object.keys(file().fields).sort()).toEqual([...attributes].sort());
    for (const [field, label] of Object.entries(file().fields)) {
      expect([field, text(label)]).toEqual([field, true]);
      // a camelCase word is an attribute name, not a label
      for (const l of LANGS) expect([field, /^[a-z]+[A-Z]\w*$/.test(label[l])]).toEqual([field, false]);
      if (label.hint) expect([field, text(label.hint)]).toEqual([field, true]);
    }
  });

  it('puts every attribute in exactly one titled section', () => {
    const placed = file().sections.flatMap((s) => s.fields);
    expect([...placed].sort()).toEqual(Object.keys(schema.attributes).sort());
    for (const section of file().sections) expect(text(section.title)).toBe(true);
  });

  it('translates every value of every enumeration', () => {
    const enums = Object.entries(schema.attributes).filter(([, a]) => a.type === 'enumeration');
    expect(Object.keys(file().values ?? {}).sort()).toEqual(enums.map(([f]) => f).sort());
    for (const [field, attribute] of enums) {
      expect(Object.keys(file().values![field]).sort()).toEqual([...attribute.enum!].sort());
      for (const value of attribute.enum!) expect([field, value, text(file().values![field][value])]).toEqual([field, value, true]);
    }
  });

  if (!uid.includes('::')) return;
  it('names a record by a text attribute (its id when it has none) and lists columns the list view can show', () => {
    const texts = Object.keys(schema.attributes).filter((f) => ['string', 'text', 'uid', 'email'].includes(schema.attributes[f].type));
    if (texts.length) expect(texts).toContain(file().mainField);
    else expect(file().mainField).toBe('id');
    for (const column of file().list!) {
      const attribute = schema.attributes[column];
      expect([column, !!attribute && !['component', 'dynamiczone', 'media', 'json', 'richtext', 'blocks'].includes(attribute.type)]).toEqual([column, true]);
      if (attribute.type === 'relation') expect(attribute.relation).toMatch(/ToOne$/);
    }
  });
});

it('translates a value the same way wherever it appears (the admin keys a value by itself)', () => {
  expect(valueConflicts(all)).toEqual([]);
});

it('gives the admin a French and an English message for every field, type name and value', () => {
  const customer = labels.get('api::customer.customer')!;
  for (const lang of LANGS) {
    const messages = adminMessages(all, lang);
    for (const l of all) {
      const prefix = l.uid.includes('::') ? 'content-manager.content-types' : 'content-manager.components';
      for (const field of Object.keys(l.fields)) expect(messages[`${prefix}.${l.uid}.${field}`]).toBe(l.fields[field][lang]);
      expect(messages[l.name.en]).toBe(l.name[lang]);
    }
    expect(messages['content-manager.content-types.api::customer.customer.callName']).toBe(customer.fields.callName[lang]);
    expect(messages['content-manager.content-types.api::customer.customer.createdAt']).toBeTruthy();
  }
  expect(adminMessages(all, 'fr')['Customer / prospect']).toBe(customer.name.fr);
});

describe('the Content Manager configuration of a label file', () => {
  const labelsOf: TypeLabels = {
    uid: 'api::thing.thing',
    name: { en: 'Thing', fr: 'Chose' },
    mainField: 'title',
    list: ['code', 'title'],
    sections: [
      { title: { en: 'General', fr: 'Général' }, fields: ['code', 'title', 'notes'] },
      { title: { en: 'Links', fr: 'Liens' }, fields: ['owner', 'lines'] },
    ],
    fields: {
      code: { en: 'Code', fr: 'Code' },
      title: { en: 'Title', fr: 'Titre', hint: { en: 'What it is', fr: 'Ce que c’est' } },
      notes: { en: 'Notes', fr: 'Notes' },
      owner: { en: 'Owner', fr: 'Propriétaire' },
      lines: { en: 'Lines', fr: 'Lignes' },
    },
  };
  const sizes: Record<string, number> = { code: 6, title: 6, notes: 12, owner: 6, lines: 12 };
  const facts: LayoutFacts = { editable: (f) => f in sizes, size: (f) => sizes[f], relationMainField: (f) => (f === 'owner' ? 'callName' : undefined) };
  const meta = (label: string) => ({ edit: { label, description: '', visible: true }, list: { label, sortable: true } });
  const current = {
    settings: { pageSize: 10, mainField: 'id', defaultSortBy: 'id' },
    metadatas: { code: meta('code'), title: meta('title'), notes: meta('notes'), owner: meta('owner'), lines: meta('lines'), createdAt: meta('createdAt'), id: meta('id') },
    layouts: { list: ['id', 'code'], edit: [[{ name: 'notes', size: 12 }]] },
  };

  it('starts a row at each section and fills rows of twelve', () => {
    expect(editRows(labelsOf, facts)).toEqual([
      [{ name: 'code', size: 6 }, { name: 'title', size: 6 }],
      [{ name: 'notes', size: 12 }],
      [{ name: 'owner', size: 6 }],
      [{ name: 'lines', size: 12 }],
    ]);
  });

  it('labels fields and system fields in English, keeps what it does not own, names relations by their target', () => {
    const config = labelledConfiguration(current, labelsOf, facts);
    expect(config.metadatas.title.edit).toEqual({ label: 'Title', description: 'What it is', visible: true });
    expect(config.metadatas.title.list).toEqual({ label: 'Title', sortable: true });
    expect(config.metadatas.createdAt.list.label).toBe('Created on');
    expect(config.metadatas.owner.edit.mainField).toBe('callName');
    expect(config.settings).toEqual({ pageSize: 10, mainField: 'title', defaultSortBy: 'title', defaultSortOrder: 'ASC' });
    expect(config.layouts.list).toEqual(['code', 'title']);
  });
});

describe('captions', () => {
  it('fills the template and drops the separator of a missing part', () => {
    expect(renderCaption('{code} – {callName}', { code: 'C000001', callName: 'Bocage Ouest' })).toBe('C000001 – Bocage Ouest');
    expect(renderCaption('{code} – {callName}', { code: null, callName: 'Bocage Ouest' })).toBe('Bocage Ouest');
    expect(renderCaption('{code} – {firstName} {lastName}', { code: 'E0003', firstName: '', lastName: 'Martin' })).toBe('E0003 – Martin');
    expect(renderCaption('{code} – {callName}', {})).toBeNull();
    expect(captionFields('{code} – {firstName} {lastName}')).toEqual(['code', 'firstName', 'lastName']);
  });

  it('reads only attributes its type has, and the type stores it in a `caption` string', () => {
    for (const l of all.filter((x) => x.caption)) {
      const schema = schemas.get(l.uid)!;
      expect([l.uid, schema.attributes.caption?.type]).toEqual([l.uid, 'string']);
      for (const field of captionFields(l.caption!)) expect([l.uid, field, field in schema.attributes]).toEqual([l.uid, field, true]);
    }
    expect(labels.get('api::customer.customer')!.caption).toBe('{code} – {callName}');
  });
});
