import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/** The plugin's labels: `t('reports.x', 'English default', { values })`. */
export const useT = () => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  return { t, locale };
};
