import type { Core } from '@strapi/strapi';
import { registerAdminActions, registerAdminRoutes } from './admin-routes';
import { configureContentManager } from './content-manager/sync';
import { registerGraphQLExtensions } from './graphql';
import { registerSalesFlow } from './flow/middleware';
import { reconcileAfterMigration, registerSalesFlowMigration } from './flow/migration';
import { fillCaptions, registerCaptions } from './hooks/captions';
import { registerCustomerLifecycle } from './hooks/customer-lifecycle';
import { registerCustomerSums } from './hooks/customer-sums';
import { registerCustomerViewIndex } from './hooks/customer-view-index';
import { registerDomainRules } from './rules';
import { bootstrapSecurity, registerSecurity } from './security';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    registerSecurity(strapi); // first: portal ownership must wrap the rules' own document calls
    registerDomainRules(strapi);
    registerCaptions(strapi); // inside the rules: a caption shows the code they number
    registerSalesFlow(strapi); // inside the rules: the lines are priced when it reads them
    registerCustomerViewIndex(strapi); // the 360 view's index: its tables before the flow's migration, which keeps it
    registerCustomerSums(strapi); // the dashboard's sums: likewise
    registerSalesFlowMigration(strapi); // existing data into the flow, once, after the schema sync
    registerCustomerLifecycle(strapi);
    registerGraphQLExtensions(strapi);
    registerAdminRoutes(strapi);
    // before the admin's bootstrap, which grants every registered action to the super admin
    await registerAdminActions(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await (strapi.service('api::link-type.defaults') as unknown as { ensure(): Promise<void> }).ensure();
    await bootstrapSecurity(strapi);
    await reconcileAfterMigration(strapi); // after the credit plugin's bootstrap
    await fillCaptions(strapi);
    await configureContentManager(strapi); // after the Content Manager synced its configurations
  },
};
