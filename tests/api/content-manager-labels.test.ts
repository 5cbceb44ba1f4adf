import { adminSession } from '../helpers/credit';
import { testApp } from '../helpers/strapi';
import { allTypeLabels, SYSTEM_FIELDS } from '../../src/labels';
import { configureContentManager } from '../../src/content-manager/sync';
import { fillCaptions } from '../../src/hooks/captions';
import { Factories } from '../helpers/factories';

// What the Content Manager shows, read back over its own admin API: every type and component it
// displays has a label for every attribute (the plugins' types included), and the record sheet, list
// and relation pickers are configured from the label files at boot.
const app = testApp();
const labels = allTypeLabels();
let admin: Awaited<ReturnType<typeof adminSession>>;
beforeAll(async () => {
  admin = await adminSession(app);
});

const configuration = async (uid: string) => {
  const kind = uid.includes('::') ? 'content-types' : 'components';
  const res = await admin.get(`/content-manager/${kind}/${uid}/configuration`);
  expect(res.status).toBe(200);
  return kind === 'components' ? res.body.data.component : res.body.data.contentType;
};

it('labels every attribute of every type and component the Content Manager displays', async () => {
  const init = await admin.get('/content-manager/init');
  expect(init.status).toBe(200);
  const shown = [...init.body.data.contentTypes.filter((ct: any) => ct.isDisplayed), ...init.body.data.components];
  expect(shown.length).toBeGreaterThan(45);
  const unlabelled = shown.flatMap((type: any) =>
    Object.keys(type.attributes)
      .filter((field) => !labels.get(type.uid)?.fields[field] && !SYSTEM_FIELDS[field])
      .map((field) => `${type.uid}.${field}`)
  );
  expect(unlabelled).toEqual([]);
  // the portal user's customer, which the app adds to users-permissions' type, is labelled too
  expect(shown.map((t: any) => t.uid)).toContain('plugin::users-permissions.user');
});

it('shows the customer record sheet in the label file’s order, with its labels, title and columns', async () => {
  const customer = labels.get('api::customer.customer')!;
  const config = await configuration('api::customer.customer');
  expect(config.metadatas.callName.edit.label).toBe(customer.fields.callName.en);
  expect(config.metadatas.callName.list.label).toBe(customer.fields.callName.en);
  expect(config.metadatas.createdAt.list.label).toBe(SYSTEM_FIELDS.createdAt.en);
  for (const [field, label] of Object.entries(customer.fields)) {
    if (label.hint) expect(config.metadatas[field].edit.description).toBe(label.hint.en);
  }
  expect(config.settings.mainField).toBe(customer.mainField);
  expect(config.layouts.list).toEqual(customer.list);
  const order = config.layouts.edit.flat().map((f: { name: string }) => f.name);
  expect(order).toEqual(customer.sections.flatMap((s) => s.fields).filter((f) => order.includes(f)));
  expect(order.length).toBeGreaterThanOrEqual(Object.keys(customer.fields).length - 1);
  // a section never shares a row with the next one
  const sectionOf = new Map(customer.sections.flatMap((s, i) => s.fields.map((f) => [f, i] as const)));
  for (const row of config.layouts.edit) expect(new Set(row.map((f: { name: string }) => sectionOf.get(f.name))).size).toBe(1);
  // relation pickers name the record by the target's caption (or main field)
  const employee = labels.get('api::employee.employee')!;
  expect(config.metadatas.salesman.edit.mainField).toBe(employee.caption ? 'caption' : employee.mainField);
});

it('configures components too', async () => {
  const address = labels.get('shared.address')!;
  const config = await configuration('shared.address');
  for (const [field, label] of Object.entries(address.fields)) expect(config.metadatas[field].edit.label).toBe(label.en);
});

it('keeps a layout a user changed until the label files change', async () => {
  const uid = 'api::currency.currency';
  const config = await configuration(uid);
  const changed = { ...config, metadatas: { ...config.metadatas, code: { ...config.metadatas.code, edit: { ...config.metadatas.code.edit, label: 'ISO code (ours)' } } } };
  delete changed.uid;
  // as the admin's settings page sends it: the read adds the relations' mainField to list metadatas
  for (const metadata of Object.values<any>(changed.metadatas)) delete metadata.list.mainField;
  const put = await admin.put(`/content-manager/content-types/${uid}/configuration`).send({ layouts: changed.layouts, metadatas: changed.metadatas, settings: changed.settings });
  expect([put.status, put.body.error]).toEqual([200, undefined]);
  await configureContentManager(app.strapi); // a reboot with the same label files
  expect((await configuration(uid)).metadatas.code.edit.label).toBe('ISO code (ours)');
  await app.strapi.store({ type: 'app', name: 'content-manager-labels' }).set({ key: 'applied', value: 'an older release' });
  await configureContentManager(app.strapi);
  expect((await configuration(uid)).metadatas.code.edit.label).toBe(labels.get(uid)!.fields.code.en);
});

describe('captions', () => {
  const f = () => new Factories(app.api);

  it('stores "code – call name" on every write, whatever a client sends, and pickers show it', async () => {
    const customer = await f().customer({ callName: 'Bocage Ouest', caption: 'typed by hand' });
    expect(customer.caption).toBe(`${customer.code} – Bocage Ouest`);
    const renamed = await app.api().put(`/api/customers/${customer.documentId}`).send({ data: { callName: 'Bocage Ouest SASU' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.caption).toBe(`${customer.code} – Bocage Ouest SASU`);
    // an update that touches no part of it leaves it alone
    const noted = await app.api().put(`/api/customers/${customer.documentId}`).send({ data: { notes: 'called', caption: 'nope' } });
    expect(noted.body.data.caption).toBe(`${customer.code} – Bocage Ouest SASU`);
    const employee = await f().employee({ firstName: 'Jeanne', lastName: 'Martin' });
    expect(employee.caption).toBe(`${employee.code} – Jeanne Martin`);
    const config = await configuration('api::customer.customer');
    expect(config.metadatas.salesman.edit.mainField).toBe('caption');
    expect(config.metadatas.caption.edit).toMatchObject({ visible: false, editable: false });
    expect(config.layouts.edit.flat().map((x: { name: string }) => x.name)).not.toContain('caption');
  });

  it('gives rows written around the document service their caption at boot', async () => {
    const customer = await f().customer({ callName: 'Imported SA' });
    await app.strapi.db.query('api::customer.customer').updateMany({ where: { documentId: customer.documentId }, data: { caption: null } });
    await fillCaptions(app.strapi);
    const row = await app.strapi.db.query('api::customer.customer').findOne({ where: { documentId: customer.documentId }, select: ['caption'] });
    expect(row.caption).toBe(`${customer.code} – Imported SA`);
  });
});
