// App-level admin extensions: the record sheet's sections, customer actions on the record, the 360 view
// and dashboard, and the sales flow on its documents (actions and chain).
// The credit-control plugin's own admin (panel, rules, reports, and the party record's report actions)
// lives in the plugin.
import { registerCustomerActions } from './customer-actions';
import { registerInsights, bootstrapInsights } from './insights';
import { registerSalesFlow } from './sales-flow';
import { registerSections } from './sections';
import { translateHints } from './labels';
import { translations } from './translations';
import { sendAdminLocale } from './admin-locale-header';

export default {
  config: {
    locales: ['fr'],
    translations,
  },
  register(app: any) {
    sendAdminLocale();
    registerInsights(app);
  },
  bootstrap(app: any) {
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', translateHints);
    registerSections(app);
    registerCustomerActions(app);
    registerSalesFlow(app);
    bootstrapInsights(app);
  },
};
