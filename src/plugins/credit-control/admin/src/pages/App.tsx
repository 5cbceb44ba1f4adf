import { SubNav, SubNavHeader, SubNavLink, SubNavSection, SubNavSections } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, Route, Routes } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { NotConfigured } from '../components/NotConfigured';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { REPORTS_READ, useReportsPermissions } from '../hooks/useReportsPermissions';
import { getTranslation } from '../utils/getTranslation';
import { AuditPage } from './AuditPage';
import { DunningPage } from './DunningPage';
import { DunningRecordsPage } from './DunningRecordsPage';
import { LimitReviewPage } from './LimitReviewPage';
import { OverThresholdPage } from './OverThresholdPage';
import { StatementPage } from './StatementPage';

const READ = [{ action: 'plugin::credit-control.read', subject: null }];

const reports = (element: JSX.Element) => <Page.Protect permissions={REPORTS_READ}>{element}</Page.Protect>;

/** The plugin's menu entry: customers over threshold, the decision log, and the receivables reports. */
const App = () => {
  const { formatMessage } = useIntl();
  const { canRead: canReadReports } = useReportsPermissions();
  const { unconfigured } = useCreditStatus();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const nav = (
    <SubNav aria-label={t('plugin.name', 'Credit control')}>
      <SubNavHeader label={t('plugin.name', 'Credit control')} />
      <SubNavSections>
        <SubNavSection label={t('nav.section', 'Credit')}>
          <SubNavLink tag={NavLink} to="" end>{t('over.title', 'Customers over threshold')}</SubNavLink>
          <SubNavLink tag={NavLink} to="decisions">{t('audit.title', 'Credit decisions')}</SubNavLink>
          <SubNavLink tag={NavLink} to="limits">{t('limitChanges.title', 'Credit limits to review')}</SubNavLink>
        </SubNavSection>
        {canReadReports ? (
          <SubNavSection label={t('reports.nav', 'Reports')}>
            <SubNavLink tag={NavLink} to="reports/statement">{t('reports.statement.title', 'Invoice statement')}</SubNavLink>
            <SubNavLink tag={NavLink} to="reports/dunning">{t('reports.dunning.title', 'Dunning letters')}</SubNavLink>
            <SubNavLink tag={NavLink} to="reports/history">{t('reports.records.title', 'Dunning history')}</SubNavLink>
          </SubNavSection>
        ) : null}
      </SubNavSections>
    </SubNav>
  );
  return (
    <Page.Protect permissions={READ}>
      <Layouts.Root sideNav={nav}>
        <Page.Main>
          {unconfigured ? <NotConfigured status={unconfigured} /> : <Routes>
            <Route index element={<OverThresholdPage />} />
            <Route path="decisions" element={<AuditPage />} />
            <Route path="limits" element={<LimitReviewPage />} />
            <Route path="reports/statement" element={reports(<StatementPage />)} />
            <Route path="reports/dunning" element={reports(<DunningPage />)} />
            <Route path="reports/history" element={reports(<DunningRecordsPage />)} />
          </Routes>}
        </Page.Main>
      </Layouts.Root>
    </Page.Protect>
  );
};

export default App;
