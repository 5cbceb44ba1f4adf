import { SubNav, SubNavHeader, SubNavLink, SubNavSection, SubNavSections } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, Route, Routes } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import { AuditPage } from './AuditPage';
import { OverThresholdPage } from './OverThresholdPage';

const READ = [{ action: 'plugin::credit-control.read', subject: null }];

/** The plugin's menu entry: customers over threshold and the decision log. */
const App = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const nav = (
    <SubNav aria-label={t('plugin.name', 'Credit control')}>
      <SubNavHeader label={t('plugin.name', 'Credit control')} />
      <SubNavSections>
        <SubNavSection label={t('nav.section', 'Credit')}>
          <SubNavLink tag={NavLink} to="" end>{t('over.title', 'Customers over threshold')}</SubNavLink>
          <SubNavLink tag={NavLink} to="decisions">{t('audit.title', 'Credit decisions')}</SubNavLink>
        </SubNavSection>
      </SubNavSections>
    </SubNav>
  );
  return (
    <Page.Protect permissions={READ}>
      <Layouts.Root sideNav={nav}>
        <Page.Main>
          <Routes>
            <Route index element={<OverThresholdPage />} />
            <Route path="decisions" element={<AuditPage />} />
          </Routes>
        </Page.Main>
      </Layouts.Root>
    </Page.Protect>
  );
};

export default App;
