import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../types';

/** Reads the app's mapping from the plugin config. */
const mappingService = ({ strapi }: { strapi: Core.Strapi }) => ({
  get(): PluginConfig {
    return {
      party: strapi.plugin('credit-control').config('party') as PluginConfig['party'],
      documents: strapi.plugin('credit-control').config('documents') as PluginConfig['documents'],
    };
  },
  summary() {
    const { party, documents } = this.get();
    return {
      party: party.uid,
      documents: Object.entries(documents).map(([uid, doc]) => ({ uid, bucket: doc.bucket, gate: doc.gate })),
    };
  },
});

export default mappingService;
