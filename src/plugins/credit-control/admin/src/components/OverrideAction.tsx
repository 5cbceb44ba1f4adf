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

type Values = Record<string, unknown>;

/**
 * After a refused save the Content Manager reloads the document and the form loses the user's
 * changes: the last changed values are kept here so that "Save anyway" re-sends what was refused.
 */
const usePendingChanges = () => {
  const values = useForm('credit-control.override', (s) => s.values) as Values;
  const initialValues = useForm('credit-control.override', (s) => s.initialValues) as Values;
  const modified = useForm('credit-control.override', (s) => s.modified);
  const last = React.useRef<Values | null>(null);
  if (modified) last.current = values;
  const source = modified ? values : last.current;
  const changes = source ? changedData(source, initialValues) : {};
  // once saved (the document now holds them), nothing is pending any more
  if (!modified && Object.keys(changes).length === 0) last.current = null;
  return { source, changes };
};

/** Re-sends the edit view's changes to the Content Manager's own update route with the override reason. */
const OverrideForm = ({ target, source, changes, onClose }: { target: Target; source: Values; changes: Values; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const resetForm = useForm('credit-control.override', (s) => s.resetForm);
  const setErrors = useForm('credit-control.override', (s) => s.setErrors);
  const label = formatMessage({ id: getTranslation('override.confirm'), defaultMessage: 'Save anyway' });
  const submit = async (reason: string) => {
    const res = await put(`/content-manager/${target.collectionType}/${target.model}/${target.documentId}`, changes, {
      headers: { 'x-credit-override-reason': encodeURIComponent(reason) },
    });
    setErrors({});
    resetForm(source);
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
  const { source, changes } = usePendingChanges();
  // refs keep the modal's component stable while the form's values move under it
  const pending = React.useRef({ source, changes });
  pending.current = { source, changes };
  const Content = React.useMemo(
    () =>
      ({ onClose }: { onClose: () => void }) =>
        documentId && pending.current.source ? (
          <OverrideForm target={{ model, documentId, collectionType }} source={pending.current.source} changes={pending.current.changes} onClose={onClose} />
        ) : null,
    [model, documentId, collectionType]
  );
  if (!isDocument || !canOverride || !documentId) return null;
  const title = formatMessage({ id: getTranslation('override.title'), defaultMessage: 'Save anyway' });
  return {
    label: title,
    icon: <WarningCircle />,
    position: 'panel',
    variant: 'danger-light',
    disabled: Object.keys(changes).length === 0,
    dialog: { type: 'modal', title, content: Content },
  };
};
OverrideAction.position = 'panel';
