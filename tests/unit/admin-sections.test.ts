import { allTypeLabels, type TypeLabels } from '../../src/labels';
import { panelsBySection, sectionEntries, shownFields, type LayoutField } from '../../src/admin/sections/sections';

// The record sheet's sections over the Content Manager's edit layout (src/admin/sections/sections.ts).
const labels: TypeLabels = {
  uid: 'api::thing.thing',
  name: { en: 'Thing', fr: 'Chose' },
  sections: [
    { title: { en: 'General', fr: 'Général' }, fields: ['code', 'name', 'logo'] },
    { title: { en: 'Finances', fr: 'Finances' }, fields: ['account', 'bank'] },
    { title: { en: 'Empty', fr: 'Vide' }, fields: ['hidden'] },
    { title: { en: 'Notes', fr: 'Notes' }, fields: ['notes'] },
  ],
  fields: {},
};
const f = (name: string, type = 'string'): LayoutField => ({ name, type });
const names = (panels: LayoutField[][][]) => panels.map((panel) => panel.map((row) => row.map((field) => field.name)));

it('boxes each section on its own: a row goes with its first field, rows keep their order', () => {
  const one = [[[f('code'), f('name')], [f('logo', 'media')], [f('account'), f('bank', 'component')], [f('notes', 'text')]]];
  expect(names(panelsBySection(labels, one))).toEqual([[['code', 'name'], ['logo']], [['account', 'bank']], [['notes']]]);
});

it('keeps a row no section declares with the row above, and a dynamic zone in its own panel', () => {
  const panels = [[[f('code')], [f('unknown')], [f('account')]], [[f('blocks', 'dynamiczone')]], [[f('notes')]]];
  expect(names(panelsBySection(labels, panels))).toEqual([[['code'], ['unknown']], [['account']], [['blocks']], [['notes']]]);
});

it('lists the sections the form shows, with their fields in the form order; the first field is where a jump lands', () => {
  const panels = [[[f('name'), f('code')], [f('account')], [f('notes'), { ...f('logo'), visible: false }]]];
  const shown = shownFields(panels);
  expect(shown).toEqual(['name', 'code', 'account', 'notes']);
  expect(sectionEntries(labels, shown)).toEqual([
    { title: { en: 'General', fr: 'Général' }, fields: ['name', 'code'] },
    { title: { en: 'Finances', fr: 'Finances' }, fields: ['account'] },
    { title: { en: 'Notes', fr: 'Notes' }, fields: ['notes'] },
  ]);
});

it('follows a layout rearranged in "Configure the view": a section is listed where its first field is', () => {
  expect(sectionEntries(labels, ['notes', 'account', 'code']).map((entry) => entry.title.en)).toEqual(['Notes', 'Finances', 'General']);
});

it("lists the customer record's sections in the spec's order, Finances landing on the general account", () => {
  const customer = allTypeLabels().get('api::customer.customer')!;
  const shown = customer.sections.flatMap((section) => section.fields).filter((field) => field !== 'caption');
  const entries = sectionEntries(customer, shown);
  expect(entries.map((entry) => entry.title.en)).toEqual([
    'General',
    'Team and dates',
    'Finances',
    'Marketing',
    'Salesmen',
    'Legal and additional information',
    'Sites',
    'Contacts',
    'Events',
  ]);
  expect(entries.find((entry) => entry.title.en === 'Finances')!.fields[0]).toBe('generalAccount');
});
