import * as React from 'react';
import { Modal } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { useMappedRole } from '../hooks/useCreditStatus';
import { notifyCreditChanged } from '../hooks/useCreditSummary';
import { getTranslation } from '../utils/getTranslation';
import { changedData, warningsOf } from '../utils/formData';
import { ReasonForm } from './ReasonForm';

interface Target {
  model: string;
  documentId: string;
  collectionType: string;
}

/** Re-sends the edit view's changes to the Content Manager's own update route with the override reason. */
const OverrideForm = ({ target, onClose }: { target: Target; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const getValues = useForm('credit-control.override', (s) => s.getValues);
  const initialValues = useForm('credit-control.override', (s) => s.initialValues);
  const resetForm = useForm('credit-control.override', (s) => s.resetForm);
  const setErrors = useForm('credit-control.override', (s) => s.setErrors);
  const label = formatMessage({ id: getTranslation('override.confirm'), defaultMessage: 'Save anyway' });
  const submit = async (reason: string) => {
    const values = getValues() as Record<string, unknown>;
    const res = await put(`/content-manager/${target.collectionType}/${target.model}/${target.documentId}`, changedData(values, initialValues as Record<string, unknown>), {
      headers: { 'x-credit-override-reason': encodeURIComponent(reason) },
    });
    setErrors({});
    resetForm(values);
    notifyCreditChanged();
    toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('override.saved'), defaultMessage: 'Saved with a credit override' }) });
    for (const warning of warningsOf(res.headers)) toggleNotification({ type: 'warning', message: warning });
  };
  return (
    <ReasonForm
      onClose={onClose}
      onSubmit={submit}
      confirmLabel={label}
      Body={Modal.Body}
      Footer={Modal.Footer}
      intro={formatMessage({ id: getTranslation('override.intro'), defaultMessage: 'The credit control refused this save. Give the reason for pushing it through: it is kept in the decision log.' })}
    />
  );
};

/** "Save anyway" on a gated document, for admins holding the override permission. */
export const OverrideAction: DocumentActionComponent = ({ model, documentId, collectionType }) => {
  const { formatMessage } = useIntl();
  const { isDocument } = useMappedRole(model);
  const { canOverride } = useCreditPermissions();
  const modified = useForm('credit-control.override', (s) => s.modified);
  const Content = React.useMemo(
    () =>
      ({ onClose }: { onClose: () => void }) =>
        documentId ? <OverrideForm target={{ model, documentId, collectionType }} onClose={onClose} /> : null,
    [model, documentId, collectionType]
  );
  if (!isDocument || !canOverride || !documentId) return null;
  const title = formatMessage({ id: getTranslation('override.title'), defaultMessage: 'Save anyway' });
  return {
    label: title,
    icon: <WarningCircle />,
    position: 'panel',
    variant: 'danger-light',
    disabled: !modified,
    dialog: { type: 'modal', title, content: Content },
  };
};
OverrideAction.position = 'panel';
