import { Button, Flex, Typography } from '@strapi/design-system';
import { ChartBubble, Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { useLabels } from '../../labels';
import { AddressSection } from '../components/AddressSection';
import { PagedList } from '../components/PagedList';
import { PaymentBehaviourSection } from '../components/PaymentBehaviourSection';
import { RowsTable } from '../components/RowsTable';
import { Empty, Section } from '../components/Section';
import type { Overview } from '../types';
import { formatDate, formatMoney } from '../../format';
import { CUSTOMER_UID, dashboardPath, editViewPath, errorText, useT } from '../utils';
import { useInsights } from '../useInsights';
import { PAGE_SIZE } from '../usePagedSection';

const FIRST_PAGE = { limit: String(PAGE_SIZE) };

/** The customer's 360 view (spec, "Accessing the sales dashboard"). */
export const OverviewPage = () => {
  const { documentId = '' } = useParams();
  const navigate = useNavigate();
  const { t, locale } = useT();
  const { valueLabel } = useLabels();
  const { data, error, loading } = useInsights<Overview>(documentId, 'overview', FIRST_PAGE);
  const title = data ? t('overview.title', '360° view: {name}', { name: data.customer.callName }) : t('overview.heading', '360° view');
  const yes = (v: boolean | null) => (v ? t('yes', 'Yes') : '');
  /** the role may not read that type in the Content Manager: the server left the section out */
  const empty = (hidden: boolean, text: string) => <Empty text={hidden ? t('hidden', 'You may not read these records') : text} />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={editViewPath(CUSTOMER_UID, documentId)} />}
        title={title}
        subtitle={data ? [data.customer.code, data.customer.corporateName, valueLabel(CUSTOMER_UID, 'kind', data.customer.kind)].filter(Boolean).join(' · ') : undefined}
        primaryAction={<Button startIcon={<ChartBubble />} onClick={() => navigate(dashboardPath(documentId))}>{t('dashboard.open', 'Dashboard')}</Button>}
        secondaryAction={<Button variant="tertiary" startIcon={<Pencil />} onClick={() => navigate(editViewPath(CUSTOMER_UID, documentId))}>{t('record.open', 'Back to the record')}</Button>}
      />
      <Layouts.Content>
        {loading ? (
          <Page.Loading />
        ) : error || !data ? (
          <Typography textColor="danger600" role="alert">{errorText(error)}</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <AddressSection data={data} />
            <PaymentBehaviourSection documentId={documentId} />
            <Section id="contacts" title={t('section.contacts', 'Contacts')} total={data.contacts.total}>
              <PagedList name="contacts" documentId={documentId} first={data.contacts} empty={empty(data.contacts.hidden, t('contacts.none', 'No contacts'))}>
                {(rows) => (
                  <RowsTable
                    name="contacts"
                    rows={rows}
                    columns={[
                      { key: 'name', label: t('col.name', 'Name'), render: (c) => [c.firstName, c.lastName].filter(Boolean).join(' ') },
                      { key: 'job', label: t('col.jobTitle', 'Job title'), render: (c) => c.jobTitle ?? '' },
                      { key: 'email', label: t('col.email', 'Email'), render: (c) => c.email ?? '' },
                      { key: 'phone', label: t('col.phone', 'Phone'), render: (c) => c.phone ?? c.mobile ?? '' },
                      { key: 'main', label: t('col.main', 'Main'), render: (c) => yes(c.isMainContact) },
                      { key: 'financial', label: t('col.financial', 'Financial'), render: (c) => yes(c.isFinancialContact) },
                    ]}
                  />
                )}
              </PagedList>
            </Section>
            <Section id="events" title={t('section.events', 'Events')} total={data.events.total}>
              <PagedList name="events" documentId={documentId} first={data.events} empty={empty(data.events.hidden, t('events.none', 'No events'))}>
                {(rows) => (
                  <RowsTable
                    name="events"
                    rows={rows}
                    columns={[
                      { key: 'date', label: t('col.date', 'Date'), render: (e) => formatDate(e.date, locale, true) },
                      { key: 'type', label: t('col.type', 'Type'), render: (e) => valueLabel(e.uid, 'type', e.type) },
                      { key: 'subject', label: t('col.subject', 'Subject'), render: (e) => e.subject ?? '' },
                      { key: 'contact', label: t('col.contact', 'Contact'), render: (e) => e.contact ?? '' },
                      { key: 'employee', label: t('col.employee', 'Employee'), render: (e) => e.employee ?? '' },
                      { key: 'done', label: t('col.done', 'Done'), render: (e) => yes(e.done) },
                    ]}
                  />
                )}
              </PagedList>
            </Section>
            <Section id="sales" title={t('section.sales', 'Sales')} total={data.sales.total}>
              <Typography variant="pi" textColor="neutral600" tag="p" paddingBottom={2}>
                {t('sales.hint', 'Signed sales objects (won opportunities, signed quotations, confirmed orders, contracts in force, validated registrations) are not shown.')}
              </Typography>
              <PagedList name="sales" documentId={documentId} first={data.sales} empty={<Empty text={t('sales.none', 'No unsigned sales objects')} />}>
                {(rows) => (
                  <RowsTable
                    name="sales"
                    rows={rows}
                    columns={[
                      { key: 'type', label: t('col.type', 'Type'), render: (s) => (s.kind === 'creditNote' ? t('type.creditNote', 'Credit note') : t(`type.${s.type}`, s.type)) },
                      { key: 'number', label: t('col.number', 'Number'), render: (s) => s.number ?? '' },
                      { key: 'label', label: t('col.label', 'Label'), render: (s) => s.label ?? '' },
                      { key: 'date', label: t('col.date', 'Date'), render: (s) => formatDate(s.date, locale) },
                      { key: 'state', label: t('col.state', 'State'), render: (s) => valueLabel(s.uid, 'state', s.state) },
                      { key: 'excl', label: t('col.amountExclTax', 'Excl. tax'), align: 'right', render: (s) => formatMoney(s.amountExclTax, s.currency, locale) },
                      { key: 'incl', label: t('col.amountInclTax', 'Incl. tax'), align: 'right', render: (s) => formatMoney(s.amountInclTax, s.currency, locale) },
                    ]}
                  />
                )}
              </PagedList>
            </Section>
            <Section id="purchases" title={t('section.purchases', 'Purchases')} total={data.purchases.total}>
              <Typography variant="pi" textColor="neutral600" tag="p" paddingBottom={2}>
                {t('purchases.hint', 'Purchases from the suppliers linked to this customer and those made for its orders. Confirmed supplier orders are not shown; purchases never count in the outstanding amount.')}
              </Typography>
              <PagedList name="purchases" documentId={documentId} first={data.purchases} empty={empty(data.purchases.hidden, t('purchases.none', 'No purchase documents'))}>
                {(rows) => (
                  <RowsTable
                    name="purchases"
                    rows={rows}
                    columns={[
                      { key: 'type', label: t('col.type', 'Type'), render: (p) => t(`type.${p.type}`, p.type) },
                      { key: 'number', label: t('col.number', 'Number'), render: (p) => p.number ?? '' },
                      { key: 'supplier', label: t('col.supplier', 'Supplier'), render: (p) => p.supplier ?? '' },
                      { key: 'order', label: t('col.salesOrder', 'For order'), render: (p) => p.salesOrder ?? '' },
                      { key: 'date', label: t('col.date', 'Date'), render: (p) => formatDate(p.date, locale) },
                      { key: 'state', label: t('col.state', 'State'), render: (p) => valueLabel(p.uid, 'state', p.state) },
                      { key: 'excl', label: t('col.amountExclTax', 'Excl. tax'), align: 'right', render: (p) => formatMoney(p.amountExclTax, p.currency, locale) },
                    ]}
                  />
                )}
              </PagedList>
              <PagedList name="suppliers" documentId={documentId} first={data.purchases.suppliers} empty={null}>
                {(rows) => (
                  <RowsTable
                    name="suppliers"
                    rows={rows}
                    columns={[
                      { key: 'code', label: t('col.code', 'Code'), render: (s) => s.code ?? '' },
                      { key: 'name', label: t('col.linkedSupplier', 'Linked supplier'), render: (s) => s.callName },
                      { key: 'corporate', label: t('col.corporateName', 'Corporate name'), render: (s) => s.corporateName ?? '' },
                      { key: 'siret', label: 'SIRET', render: (s) => s.siret ?? '' },
                    ]}
                  />
                )}
              </PagedList>
            </Section>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default OverviewPage;
