import * as React from 'react';
import { Loader, Modal } from '@strapi/design-system';
import { Cog } from '@strapi/icons';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { useMappedRole } from '../hooks/useCreditStatus';
import { useCreditSummary } from '../hooks/useCreditSummary';
import { usePreferences } from '../hooks/usePreferences';
import { getTranslation } from '../utils/getTranslation';
import { RulesForm } from './RulesForm';

/** "Blocking rules" in the party's action menu: hidden unless the user turned it on in the plugin settings. */
export const RulesAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { isParty, status } = useMappedRole(model);
  const { canEditPolicy } = useCreditPermissions();
  const { prefs } = usePreferences();
  const visible = isParty && canEditPolicy && prefs.showBlockingRules && Boolean(documentId);
  const { summary } = useCreditSummary(visible ? documentId : undefined, document?.updatedAt);
  // a stable component: a new one on each render would remount the modal and lose its input
  const Content = React.useMemo(
    () =>
      ({ onClose }: { onClose: () => void }) =>
        summary && status && documentId ? <RulesForm party={documentId} summary={summary} mapping={status.mapping} onClose={onClose} /> : <Modal.Body><Loader /></Modal.Body>,
    [summary, status, documentId]
  );
  // offered where the mapping says (customers, not prospects); the check waits for the summary
  if (!visible || !status || !documentId || summary?.policyOffered === false) return null;
  const title = formatMessage({ id: getTranslation('rules.title'), defaultMessage: 'Blocking rules' });
  return {
    label: title,
    icon: <Cog />,
    position: 'header',
    variant: 'tertiary',
    dialog: {
      type: 'modal',
      title,
      content: Content,
    },
  };
};
RulesAction.position = 'header';
