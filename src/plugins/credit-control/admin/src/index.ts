import { ChartPie } from '@strapi/icons';
import { BlockToggleAction, BlockedIndicator } from './components/BlockedHeader';
import { CreditPanel } from './components/CreditPanel';
import { loadCreditStatus } from './hooks/useCreditStatus';
import { DunningAction } from './components/record-actions/DunningAction';
import { StatementAction } from './components/record-actions/pdfActions';
import { OverrideAction } from './components/OverrideAction';
import { RulesAction } from './components/RulesAction';
import { WarningWatcher } from './components/WarningWatcher';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';
import { sendAdminLocale } from './utils/admin-locale-header';

const READ = [{ action: 'plugin::credit-control.read', subject: null }];

type Messages = Record<string, string>;
const prefixed = (data: Messages): Messages => Object.fromEntries(Object.entries(data).map(([k, v]) => [getTranslation(k), v]));

export default {
  register(app: any) {
    sendAdminLocale();
    app.registerPlugin({ id: PLUGIN_ID, name: 'Credit control' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Credit control' },
      permissions: READ,
      Component: () => import('./pages/App'),
    });
    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Credit control' } },
      {
        id: `${PLUGIN_ID}-settings`,
        to: PLUGIN_ID,
        intlLabel: { id: getTranslation('settings.link'), defaultMessage: 'Mapping and preferences' },
        permissions: READ,
        Component: () => import('./pages/SettingsPage'),
      }
    );
    // home page widgets exist in Strapi 5.13+ (app.widgets); older admins simply go without
    app.widgets?.register({
      id: 'over-threshold',
      pluginId: PLUGIN_ID,
      icon: ChartPie,
      title: { id: getTranslation('over.widget'), defaultMessage: 'Customers near their credit threshold' },
      link: { label: { id: getTranslation('over.open'), defaultMessage: 'See all' }, href: `/plugins/${PLUGIN_ID}` },
      // the home page renders what this resolves to: the component, not its module
      component: async () => (await import('./components/OverThresholdWidget')).default,
      permissions: READ,
    });
  },

  bootstrap(app: any) {
    const cm = app.getPlugin('content-manager')?.apis;
    if (!cm) return;
    // the Content Manager opens (its menu of types is built): load the mapping now, so that a record's
    // panel knows its role in its first render instead of asking then and rendering again (useCreditStatus)
    app.registerHook('Admin/CM/pages/App/mutate-collection-types-links', (args: unknown) => {
      loadCreditStatus().catch(() => undefined);
      return args;
    });
    cm.addEditViewSidePanel([CreditPanel]);
    cm.addDocumentHeaderAction([BlockedIndicator, BlockToggleAction, WarningWatcher]);
    // the party record's reports (statement; dunning: letter or email, one dialog), for users with the report permissions
    cm.addDocumentAction([OverrideAction, RulesAction, StatementAction, DunningAction]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixed(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
