import type { Core } from '@strapi/strapi';
import { registerGraphQLExtensions } from './graphql';
import { registerCustomerLifecycle } from './hooks/customer-lifecycle';
import { registerDomainRules } from './rules';
import { bootstrapSecurity, registerSecurity } from './security';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerSecurity(strapi); // first: portal ownership must wrap the rules' own document calls
    registerDomainRules(strapi);
    registerCustomerLifecycle(strapi);
    registerGraphQLExtensions(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await (strapi.service('api::link-type.defaults') as unknown as { ensure(): Promise<void> }).ensure();
    await bootstrapSecurity(strapi);
  },
};
