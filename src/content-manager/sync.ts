// At boot: the Content Manager shows every labelled type as its label file says. Applied when the
// label files or the schemas change (a hash in the store), so a layout a user rearranged in the
// admin stays until we ship a new one.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { allTypeLabels, isComponentUid, type TypeLabels } from '../labels';
import { labelledConfiguration, type ContentManagerConfiguration, type LayoutFacts } from './configuration';

interface Schema {
  uid: string;
  attributes: Record<string, { type: string; target?: string; customField?: string }>;
  config?: { attributes?: Record<string, { hidden?: boolean }> };
}

interface ConfigurationService {
  findConfiguration(schema: Schema): Promise<ContentManagerConfiguration>;
  updateConfiguration(schema: Schema, configuration: ContentManagerConfiguration): Promise<unknown>;
}

const NOT_IN_FORMS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

function factsOf(strapi: Core.Strapi, schema: Schema, all: Map<string, TypeLabels>): LayoutFacts {
  const sizes = strapi.plugin('content-manager').service('field-sizes') as {
    hasFieldSize(type?: string): boolean;
    getFieldSize(type: string): { default: number };
  };
  return {
    editable: (field) => field in schema.attributes && !NOT_IN_FORMS.has(field) && !schema.config?.attributes?.[field]?.hidden,
    size: (field) => {
      const attribute = schema.attributes[field];
      return sizes.getFieldSize(sizes.hasFieldSize(attribute.customField) ? attribute.customField! : attribute.type).default;
    },
    relationMainField: (field) => {
      const attribute = schema.attributes[field];
      const target = attribute?.type === 'relation' && attribute.target ? all.get(attribute.target) : undefined;
      return target?.caption ? 'caption' : target?.mainField;
    },
  };
}

export async function configureContentManager(strapi: Core.Strapi): Promise<void> {
  const all = allTypeLabels();
  const schemaOf = (uid: string) => (isComponentUid(uid) ? strapi.components[uid as never] : strapi.contentTypes[uid as never]) as unknown as Schema | undefined;
  const labelled = [...all.values()].filter((labels) => schemaOf(labels.uid));
  const hash = createHash('sha1')
    .update(JSON.stringify(labelled.map((labels) => [labels, Object.keys(schemaOf(labels.uid)!.attributes)])))
    .digest('hex');
  const store = strapi.store({ type: 'app', name: 'content-manager-labels' });
  if ((await store.get({ key: 'applied' })) === hash) return;
  const cm = strapi.plugin('content-manager');
  for (const labels of labelled) {
    const schema = schemaOf(labels.uid)!;
    const service = cm.service(isComponentUid(labels.uid) ? 'components' : 'content-types') as ConfigurationService;
    const current = await service.findConfiguration(schema);
    await service.updateConfiguration(schema, labelledConfiguration(current, labels, factsOf(strapi, schema, all)));
  }
  await store.set({ key: 'applied', value: hash });
}
