import * as React from 'react';
import { Badge, Flex, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useLabels } from '../../labels';
import { refusalOf } from './ActionModal';
import { CUSTOMER, editViewPath, usePermissions, useT } from '../shared';

const AFFILIATION = 'api::affiliation-link.affiliation-link';
const BUSINESS = 'api::business-link.business-link';

interface Party {
  documentId: string;
  code: string | null;
  callName: string | null;
}
interface LinkRow {
  documentId: string;
  direction: 'outgoing' | 'incoming';
  other: Party | null;
  role?: string;
  name?: string | null;
  site?: { name: string | null } | null;
  linkType?: { label: string | null; code: string | null } | null;
  billingSite?: { name: string | null } | null;
  project?: { documentId: string; code: string | null; name: string | null } | null;
  isDefault?: boolean;
}
type Listed = { total: number; data: LinkRow[] } | null;
interface Links {
  affiliations: Listed;
  businessLinks: Listed;
}

const partyText = (party: Party | null) => (party ? [party.code, party.callName].filter(Boolean).join(' – ') : '–');

/** The record's links, read again when the record changes (`version`). */
const useLinks = (documentId: string, version: unknown) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ links: Links | null; error: string | null }>({ links: null, error: null });
  React.useEffect(() => {
    let live = true;
    get<{ data: Links }>(`/customer-records/customers/${documentId}/links`)
      .then(({ data }) => live && setState({ links: data.data, error: null }))
      .catch((e) => live && setState({ links: null, error: refusalOf(e).message }));
    return () => {
      live = false;
    };
  }, [documentId, version, get]);
  return state;
};

const Row = ({ uid, row, detail }: { uid: string; row: LinkRow; detail: string }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-link-row={row.documentId} data-link-direction={row.direction}>
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="pi" fontWeight="bold">
          {row.other ? <Link to={editViewPath(CUSTOMER, row.other.documentId)}>{partyText(row.other)}</Link> : '–'}
        </Typography>
        <Link to={editViewPath(uid, row.documentId)}>
          <Typography variant="pi">{t('links.open', 'Open')}</Typography>
        </Link>
      </Flex>
      <Flex gap={2} wrap="wrap">
        <Typography variant="pi" textColor="neutral600">{detail}</Typography>
        {row.direction === 'incoming' ? <Badge>{t('links.incoming', 'held by the other record')}</Badge> : null}
        {row.isDefault ? <Badge>{t('links.default', 'default')}</Badge> : null}
      </Flex>
    </Flex>
  );
};

const Section = ({ uid, listed, detail }: { uid: string; listed: Listed; detail: (row: LinkRow) => string }) => {
  const t = useT();
  const { typeName } = useLabels();
  if (!listed) return null; // the role may not read this type
  const title = uid === AFFILIATION ? typeName('Affiliation link') : typeName('Business link');
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-links-section={uid === AFFILIATION ? 'affiliations' : 'businessLinks'}>
      <Flex justifyContent="space-between">
        <Typography variant="sigma">{`${title} (${listed.total})`}</Typography>
        <Link to={`/content-manager/collection-types/${uid}/create`}>
          <Typography variant="pi">{t('links.add', 'Add')}</Typography>
        </Link>
      </Flex>
      {listed.data.length ? (
        listed.data.map((row) => <Row key={row.documentId} uid={uid} row={row} detail={detail(row)} />)
      ) : (
        <Typography variant="pi" textColor="neutral500">{t('links.none', 'None')}</Typography>
      )}
      {listed.total > listed.data.length ? (
        <Typography variant="pi" textColor="neutral600">{t('links.more', '{shown} of {total} shown', { shown: listed.data.length, total: listed.total })}</Typography>
      ) : null}
    </Flex>
  );
};

const LinksBody = ({ documentId, version }: { documentId: string; version: unknown }) => {
  const t = useT();
  const { formatMessage } = useIntl();
  const { fieldLabel } = useLabels();
  const { links, error } = useLinks(documentId, version);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!links) return <Loader small>{t('loading', 'Loading')}</Loader>;
  // enumeration values are translated by value, as the Content Manager does
  const role = (row: LinkRow) => (row.role ? `${fieldLabel(AFFILIATION, 'role')}: ${formatMessage({ id: row.role, defaultMessage: row.role })}` : '');
  const business = (row: LinkRow) =>
    [row.linkType?.label, row.project ? `${fieldLabel(BUSINESS, 'project')}: ${partyText({ documentId: row.project.documentId, code: row.project.code, callName: row.project.name })}` : null, row.billingSite?.name]
      .filter(Boolean)
      .join(' · ');
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-links={documentId}>
      <Section uid={AFFILIATION} listed={links.affiliations} detail={(row) => [role(row), row.name, row.site?.name].filter(Boolean).join(' · ')} />
      <Section uid={BUSINESS} listed={links.businessLinks} detail={business} />
    </Flex>
  );
};

/** The customer's affiliation and business links, reachable from its record sheet. */
export const LinksPanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useT();
  const { read } = usePermissions();
  if (model !== CUSTOMER || !documentId || !read) return null;
  return { title: t('links.title', 'Links'), content: <LinksBody documentId={documentId} version={document?.updatedAt} /> };
};
