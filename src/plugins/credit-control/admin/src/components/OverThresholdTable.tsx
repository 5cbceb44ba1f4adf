import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { editViewPath, formatAmount } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { OverRow } from '../utils/types';
import { ColourBadge } from './ColourBadge';
import { StatusBadge } from './StatusBadge';

/** Parties over or near their threshold; `compact` for the home page widget. */
export const OverThresholdTable = ({ rows, partyUid, compact = false }: { rows: OverRow[]; partyUid: string; compact?: boolean }) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  // the payment behaviour column, when the app maps it (each row then has `behaviour`)
  const behaviour = !compact && rows.some((r) => r.behaviour !== undefined);
  return (
    <Table colCount={(compact ? 3 : 6) + (behaviour ? 1 : 0)} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('over.party', 'Customer')}</Typography></Th>
          <Th><Typography variant="sigma">{t('over.status', 'Status')}</Typography></Th>
          <Th><Typography variant="sigma">{t('over.percent', 'Used')}</Typography></Th>
          {compact ? null : (
            <>
              <Th><Typography variant="sigma">{t('panel.exposure', 'Outstanding')}</Typography></Th>
              <Th><Typography variant="sigma">{t('panel.threshold', 'Threshold')}</Typography></Th>
              <Th><Typography variant="sigma">{t('panel.mode', 'Mode')}</Typography></Th>
              {behaviour ? <Th><Typography variant="sigma">{t('over.behaviour', 'Payment behaviour')}</Typography></Th> : null}
            </>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map(({ party, label, status, percent, exposure, threshold, currency, mode, behaviour: b }) => (
          <Tr key={party} data-credit-over={party}>
            <Td><Typography><Link to={editViewPath(partyUid, party)}>{label ?? party}</Link></Typography></Td>
            <Td><StatusBadge status={status} /></Td>
            <Td><Typography>{percent === null ? '-' : `${percent} %`}</Typography></Td>
            {compact ? null : (
              <>
                <Td><Typography>{formatAmount(exposure, currency, locale)}</Typography></Td>
                <Td><Typography>{formatAmount(threshold, currency, locale)}</Typography></Td>
                <Td><Typography>{t(`mode.${mode}`, mode)}</Typography></Td>
                {behaviour ? (
                  <Td data-over-behaviour={b?.suggested ?? 'none'}>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <ColourBadge colour={b?.suggested ?? null} name="suggested" />
                      {b && b.lateSharePercent !== null ? (
                        <>
                          <Typography variant="pi" textColor="neutral600">{t('over.behaviourLate', '{share} % paid late', { share: b.lateSharePercent })}</Typography>
                          <Typography variant="pi" textColor="neutral600">{t('over.behaviourDays', '{days} days late on average', { days: b.averageDaysLate ?? 0 })}</Typography>
                        </>
                      ) : null}
                    </Flex>
                  </Td>
                ) : null}
              </>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
