import type { Core } from '@strapi/strapi';

/** Document-service hooks of the customer lifecycle (automatic prospect conversion). */
export function registerCustomerLifecycle(_strapi: Core.Strapi): void {}
