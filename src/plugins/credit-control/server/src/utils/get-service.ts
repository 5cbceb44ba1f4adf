import type { Core } from '@strapi/strapi';
import type services from '../services';

/** Each service of the plugin by name, as its factory builds it. */
export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/**
 * Each Strapi's services, as its registry handed them: the registry builds a service once, and a
 * checked write asks for a score of them (each lookup walks the plugin and service registries).
 */
const found = new WeakMap<Core.Strapi, Map<string, unknown>>();

/** A service of the plugin, typed (i18n's `getService` pattern). */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] => {
  let services = found.get(strapi);
  if (!services) found.set(strapi, (services = new Map()));
  let service = services.get(name);
  if (service === undefined) {
    service = strapi.plugin('credit-control').service(name);
    if (service !== undefined) services.set(name, service);
  }
  return service as Services[Name];
};
