import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import type { CreditSummary } from '../utils/types';

const VARIANTS: Record<CreditSummary['status'], 'success' | 'danger' | 'warning' | 'neutral'> = {
  within: 'success',
  over: 'warning',
  blocked: 'danger',
  blockedAll: 'danger',
  overdueBlocked: 'danger',
  unchecked: 'neutral',
};

const LABELS: Record<CreditSummary['status'], string> = {
  within: 'Within threshold',
  over: 'Over threshold',
  blocked: 'Blocked',
  blockedAll: 'All writes blocked',
  overdueBlocked: 'Blocked: overdue',
  unchecked: 'Unchecked',
};

export const StatusBadge = ({ status }: { status: CreditSummary['status'] }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={VARIANTS[status]} data-credit-status={status}>
      {formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: LABELS[status] })}
    </Badge>
  );
};
