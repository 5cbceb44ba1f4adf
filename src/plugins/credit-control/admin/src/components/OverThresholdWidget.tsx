import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { useOverThreshold } from '../hooks/useOverThreshold';
import { errorText } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';
import { OverThresholdTable } from './OverThresholdTable';

/** Home page widget: customers over or near (≥ 90 %) their threshold. */
const OverThresholdWidget = () => {
  const { formatMessage } = useIntl();
  const { status, unconfigured } = useCreditStatus();
  const { rows, loading, error } = useOverThreshold({ pageSize: 8 });
  if (unconfigured) return <Widget.NoData>{formatMessage({ id: getTranslation('notConfigured.title'), defaultMessage: 'Credit control is not configured' })}</Widget.NoData>;
  if (loading || !status) return <Widget.Loading />;
  if (error) return <Widget.Error>{errorText(error)}</Widget.Error>;
  if (rows.length === 0) return <Widget.NoData>{formatMessage({ id: getTranslation('over.none'), defaultMessage: 'No customer near its threshold' })}</Widget.NoData>;
  return <OverThresholdTable rows={rows} partyUid={status.mapping.party} compact />;
};

export default OverThresholdWidget;
