import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { OverThresholdTable } from '../components/OverThresholdTable';
import { Pager } from '../components/reports/Pager';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { useOverThreshold } from '../hooks/useOverThreshold';
import { errorText } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

const PAGE_SIZE = 25;

export const OverThresholdPage = () => {
  const { formatMessage } = useIntl();
  const { status } = useCreditStatus();
  const [page, setPage] = React.useState(1);
  const { rows, total, loading, error } = useOverThreshold({ page, pageSize: PAGE_SIZE });
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
          <Flex direction="column" alignItems="stretch" gap={4}>
            <OverThresholdTable rows={rows} partyUid={status.mapping.party} />
            <Pager
              page={page}
              total={total}
              pageSize={PAGE_SIZE}
              onPage={setPage}
              count={formatMessage({ id: getTranslation('over.count'), defaultMessage: '{total, plural, one {# customer} other {# customers}}' }, { total })}
            />
          </Flex>
        )}
      </Layouts.Content>
    </>
  );
};
