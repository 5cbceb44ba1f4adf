import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkMapping, localeOfRequest, textOf, type Mapping } from '../core';
import { contentTypeOf } from '../utils/content-type';

/** Where the app writes the mapping: boot messages name the file the app has. */
const configFile = (strapi: Core.Strapi): string => {
  const dir = (strapi.dirs as any)?.app?.config as string | undefined;
  return dir && !fs.existsSync(path.join(dir, 'plugins.ts')) && fs.existsSync(path.join(dir, 'plugins.js')) ? 'config/plugins.js' : 'config/plugins.ts';
};

/**
 * The app's mapping (config/plugins.ts), checked against the app's models once at boot. Installed
 * without one (nothing but the defaults), the plugin is inert: `configured()` is false, it watches no write, and
 * its routes answer "not configured" (the status route and the settings page say so).
 */
const mappingService = ({ strapi }: { strapi: Core.Strapi }) => {
  let checked: Mapping | undefined;
  const raw = () => strapi.config.get('plugin::credit-control') as any;
  return {
    /** Any mapping at all: one with documents but no party.uid is wrong (it stops the boot), not absent. */
    configured(): boolean {
      const config = raw() ?? {};
      const given = (value: unknown) => value !== undefined && value !== null && (typeof value !== 'object' || Object.keys(value).length > 0);
      return Boolean(config.party?.uid) || ['documents', 'callTaking', 'groups', 'reports'].some((key) => given(config[key]));
    },
    file(): string {
      return configFile(strapi);
    },
    /** The 400 `notConfigured`, saying where the mapping goes, in the reader's language. */
    notConfigured() {
      const message = textOf('notConfigured', { file: configFile(strapi) }, localeOfRequest(strapi.requestContext.get()));
      return new errors.ApplicationError(message, { reason: 'notConfigured' });
    },
    /** Throws, naming every bad uid or field, so that a bad mapping stops the boot. */
    load(): Mapping {
      if (!this.configured()) throw this.notConfigured();
      const describe = (uid: string) => contentTypeOf(strapi, uid)?.attributes;
      const describeComponent = (uid: string) => (strapi.components as Record<string, any>)[uid]?.attributes;
      const { mapping, problems } = checkMapping(raw(), describe, describeComponent);
      if (problems.length > 0) {
        throw new Error(`credit-control: the mapping in ${configFile(strapi)} is wrong:\n  - ${problems.join('\n  - ')}`);
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
    /** the buckets a policy that names none counts: every bucket but those the mapping leaves to the clerk */
    defaultBuckets(): string[] {
      return [...new Set(Object.values(this.get().documents).flatMap((d) => (d.bucket && d.countedByDefault ? [d.bucket] : [])))];
    },
    summary() {
      const mapping = this.get();
      return {
        party: mapping.party.uid,
        // the party's own words for the admin: its type's display name and the field naming one party
        partyDisplayName: String(contentTypeOf(strapi, mapping.party.uid)?.info?.displayName ?? mapping.party.uid),
        partyLabelField: mapping.party.labelField ?? null,
        partyCodeField: mapping.party.codeField ?? null,
        currency: mapping.currency.default,
        gates: this.gates(),
        buckets: this.buckets(),
        defaultBuckets: this.defaultBuckets(),
        documents: Object.values(mapping.documents).map((d) => ({ uid: d.uid, gate: d.gate, bucket: d.bucket ?? null })),
      };
    },
  };
};

export default mappingService;
export type MappingService = ReturnType<typeof mappingService>;
