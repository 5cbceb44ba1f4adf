import type { Core } from '@strapi/strapi';
import type services from '../services';

/** Each service of the plugin by name, as its factory builds it. */
export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/** A service of the plugin, typed (i18n's `getService` pattern). */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] =>
  strapi.plugin('credit-control').service(name) as Services[Name];
