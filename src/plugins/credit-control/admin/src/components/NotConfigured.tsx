import { EmptyStateLayout, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { UnconfiguredStatus } from '../utils/types';
import { getTranslation } from '../utils/getTranslation';

/** Shown where the plugin's pages would be while it is installed without its mapping. */
export const NotConfigured = ({ status }: { status: UnconfiguredStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <div data-credit-not-configured>
      <EmptyStateLayout
        content={formatMessage({ id: getTranslation('notConfigured.title'), defaultMessage: 'Credit control is not configured' })}
        action={
          <Typography textColor="neutral600">
            {formatMessage(
              { id: getTranslation('notConfigured.hint'), defaultMessage: 'It checks no write until its mapping (the party type and the documents it counts) is in {file}. See the plugin README, "Install".' },
              { file: status.configFile }
            )}
          </Typography>
        }
      />
    </div>
  );
};
