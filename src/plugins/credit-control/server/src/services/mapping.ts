import type { Core } from '@strapi/strapi';
import { checkMapping, type Mapping } from '../core';

/** The app's mapping (config/plugins.ts), checked against the app's models once at boot. */
const mappingService = ({ strapi }: { strapi: Core.Strapi }) => {
  let checked: Mapping | undefined;
  return {
    /** Throws, naming every bad uid or field, so that a bad mapping stops the boot. */
    load(): Mapping {
      const raw = strapi.config.get('plugin::credit-control');
      const describe = (uid: string) => (strapi.contentTypes as Record<string, any>)[uid]?.attributes;
      const describeComponent = (uid: string) => (strapi.components as Record<string, any>)[uid]?.attributes;
      const { mapping, problems } = checkMapping(raw, describe, describeComponent);
      if (problems.length > 0) {
        throw new Error(`credit-control: the mapping in config/plugins.ts is wrong:\n  - ${problems.join('\n  - ')}`);
      }
      checked = mapping;
      return mapping;
    },
    get(): Mapping {
      return checked ?? this.load();
    },
    gates(): string[] {
      const mapping = this.get();
      const gates = Object.values(mapping.documents).flatMap((d) => (d.gate ? [d.gate] : []));
      return [...new Set(gates)];
    },
    buckets(): string[] {
      return [...new Set(Object.values(this.get().documents).flatMap((d) => (d.bucket ? [d.bucket] : [])))];
    },
    summary() {
      const mapping = this.get();
      return {
        party: mapping.party.uid,
        currency: mapping.currency.default,
        gates: this.gates(),
        buckets: this.buckets(),
        documents: Object.values(mapping.documents).map((d) => ({ uid: d.uid, gate: d.gate, bucket: d.bucket ?? null })),
      };
    },
  };
};

export default mappingService;
export type MappingService = ReturnType<typeof mappingService>;
