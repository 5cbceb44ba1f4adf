import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { editViewPath, formatAmount } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import type { OverRow } from '../utils/types';
import { StatusBadge } from './StatusBadge';

/** Parties over or near their threshold; `compact` for the home page widget. */
export const OverThresholdTable = ({ rows, partyUid, compact = false }: { rows: OverRow[]; partyUid: string; compact?: boolean }) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Table colCount={compact ? 3 : 6} rowCount={rows.length + 1}>
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
            </>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map(({ party, label, status, percent, exposure, threshold, currency, mode }) => (
          <Tr key={party} data-credit-over={party}>
            <Td><Typography><Link to={editViewPath(partyUid, party)}>{label ?? party}</Link></Typography></Td>
            <Td><StatusBadge status={status} /></Td>
            <Td><Typography>{percent === null ? '-' : `${percent} %`}</Typography></Td>
            {compact ? null : (
              <>
                <Td><Typography>{formatAmount(exposure, currency, locale)}</Typography></Td>
                <Td><Typography>{formatAmount(threshold, currency, locale)}</Typography></Td>
                <Td><Typography>{t(`mode.${mode}`, mode)}</Typography></Td>
              </>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
