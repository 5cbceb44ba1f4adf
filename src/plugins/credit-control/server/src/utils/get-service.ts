import type { Core } from '@strapi/strapi';
import type services from '../services';

/** Each service of the plugin by name, as its factory builds it. */
export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/**
 * Each Strapi's services, as its registry handed them once it is loaded: the registry builds a
 * service once, and a checked write asks for a score of them (each lookup walks the plugin and
 * service registries). Not before: an app may still `extend` a service while it registers and boots.
 */
const found = new WeakMap<Core.Strapi, Map<string, unknown>>();

/** A service of the plugin, typed (i18n's `getService` pattern). */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] => {
  const services = found.get(strapi);
  const kept = services?.get(name);
  if (kept !== undefined) return kept as Services[Name];
  const service = strapi.plugin('credit-control').service(name);
  if (service !== undefined && (strapi as { isLoaded?: boolean }).isLoaded) {
    if (services) services.set(name, service);
    else found.set(strapi, new Map([[name, service]]));
  }
  return service as Services[Name];
};
