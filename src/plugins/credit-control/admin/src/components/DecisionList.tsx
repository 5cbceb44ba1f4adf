import { Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { editViewPath, formatDate } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { Decision } from '../utils/types';

const COLORS: Record<string, string> = { refused: 'danger600', warned: 'warning600', overridden: 'alternative600', allowed: 'success600' };

/** The last decisions of a party, each linking to the document it was about. */
export const DecisionList = ({ decisions }: { decisions: Decision[] }) => {
  const { formatMessage, locale } = useIntl();
  if (decisions.length === 0) {
    return <Typography variant="pi" textColor="neutral600">{formatMessage({ id: getTranslation('panel.noDecisions'), defaultMessage: 'No decision yet' })}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {decisions.map((d) => (
        <Box key={d.id} tag="li" data-credit-decision={d.id}>
          <Flex gap={2}>
            <Typography variant="sigma" textColor={COLORS[d.outcome] ?? 'neutral600'}>
              {formatMessage({ id: getTranslation(`outcome.${d.outcome}`), defaultMessage: d.outcome })}
            </Typography>
            <Typography variant="pi" textColor="neutral500">{formatDate(d.createdAt, locale)}</Typography>
          </Flex>
          <Typography variant="pi" tag="p">{d.text ?? d.message ?? d.reason ?? d.kind}</Typography>
          {d.documentUid && d.documentId ? (
            <Typography variant="pi">
              <Link to={editViewPath(d.documentUid, d.documentId)}>
                {formatMessage({ id: getTranslation('panel.openDocument'), defaultMessage: 'Open the document' })}
              </Link>
            </Typography>
          ) : null}
        </Box>
      ))}
    </Flex>
  );
};
