import * as React from 'react';
import { Badge } from '@strapi/design-system';
import { CheckCircle, Lock } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { useMappedRole } from '../hooks/useCreditStatus';
import { notifyCreditChanged, useCreditSummary } from '../hooks/useCreditSummary';
import { getTranslation } from '../utils/getTranslation';
import { ReasonForm } from './ReasonForm';

/** "Customer blocked for total receivables", shown in the party's header while the policy blocks it. */
export const BlockedIndicator: HeaderActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { isParty } = useMappedRole(model);
  const { summary } = useCreditSummary(isParty ? documentId : undefined, document?.updatedAt);
  if (!isParty || !summary?.policy.blocked) return null;
  return {
    label: 'credit-blocked',
    _status: {
      message: (
        <Badge variant="danger" size="M" data-credit-blocked="true">
          {formatMessage({ id: getTranslation('header.blocked'), defaultMessage: 'Customer blocked for total receivables' })}
        </Badge>
      ),
      tooltip: summary.policy.blockedReason ?? undefined,
    },
  };
};

/** Block or unblock the party, with a reason; only for admins with `policy.edit`. */
export const BlockToggleAction: HeaderActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { isParty } = useMappedRole(model);
  const { canEditPolicy } = useCreditPermissions();
  const { summary } = useCreditSummary(isParty && canEditPolicy ? documentId : undefined, document?.updatedAt);
  const blocked = Boolean(summary?.policy.blocked);
  const label = blocked
    ? formatMessage({ id: getTranslation('header.unblock'), defaultMessage: 'Unblock the customer' })
    : formatMessage({ id: getTranslation('header.block'), defaultMessage: 'Block the customer' });
  const submit = async (reason: string) => {
    await post(`/credit-control/parties/${encodeURIComponent(documentId ?? '')}/${blocked ? 'unblock' : 'block'}`, { reason });
    notifyCreditChanged();
    toggleNotification({
      type: 'success',
      message: blocked
        ? formatMessage({ id: getTranslation('header.unblocked'), defaultMessage: 'Customer unblocked' })
        : formatMessage({ id: getTranslation('header.blockedDone'), defaultMessage: 'Customer blocked' }),
    });
  };
  const Content = React.useMemo(
    () =>
      ({ onClose }: { onClose: () => void }) => <ReasonForm onClose={onClose} onSubmit={submit} confirmLabel={label} />,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [blocked, documentId, label]
  );
  // a party that may not hold rules (a prospect) cannot be blocked, but a block it still carries can be lifted
  if (!isParty || !canEditPolicy || !documentId || !summary || (!summary.policyOffered && !blocked)) return null;
  return {
    label,
    icon: blocked ? <CheckCircle /> : <Lock />,
    dialog: {
      type: 'dialog',
      title: label,
      // the CM renders a function as a component with onClose (its types say ReactNode)
      content: Content as unknown as React.ReactNode,
    },
  };
};
