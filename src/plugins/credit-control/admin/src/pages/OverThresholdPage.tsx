import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { OverThresholdTable } from '../components/OverThresholdTable';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { useOverThreshold } from '../hooks/useOverThreshold';
import { errorText } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

export const OverThresholdPage = () => {
  const { formatMessage } = useIntl();
  const { status } = useCreditStatus();
  const { rows, loading, error } = useOverThreshold(90);
  const title = formatMessage({ id: getTranslation('over.title'), defaultMessage: 'Customers over threshold' });
  return (
    <>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={formatMessage({ id: getTranslation('over.subtitle'), defaultMessage: 'Blocked, over, or at 90 % or more of their threshold' })} />
      <Layouts.Content>
        {loading || !status ? (
          <Page.Loading />
        ) : error ? (
          <Typography textColor="danger600">{errorText(error)}</Typography>
        ) : rows.length === 0 ? (
          <Box padding={4} background="neutral0"><Typography>{formatMessage({ id: getTranslation('over.none'), defaultMessage: 'No customer near its threshold' })}</Typography></Box>
        ) : (
          <OverThresholdTable rows={rows} partyUid={status.mapping.party} />
        )}
      </Layouts.Content>
    </>
  );
};
