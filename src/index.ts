import type { Core } from '@strapi/strapi';
import { registerGraphQLExtensions } from './graphql';
import { registerCustomerLifecycle } from './hooks/customer-lifecycle';
import { registerDomainRules } from './rules';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDomainRules(strapi);
    registerCustomerLifecycle(strapi);
    registerGraphQLExtensions(strapi);
  },
  bootstrap() {},
};
