import * as React from 'react';
import { Modal } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCreditPermissions } from '../hooks/useCreditPermissions';
import { useMappedRole } from '../hooks/useCreditStatus';
import { notifyCreditChanged } from '../hooks/useCreditSummary';
import { getTranslation } from '../utils/getTranslation';
import { editViewPath } from '../utils/format';
import { changedData, draftData, warningsOf } from '../utils/formData';
import { ReasonForm } from './ReasonForm';

interface Target {
  model: string;
  /** none on the create view: the override creates the document */
  documentId?: string;
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

/** The Content Manager's own routes, with the reason in the header: its checks, and the credit check's, apply as to a save. */
const useOverrideSave = (target: Target) => {
  const { post, put } = useFetchClient();
  const navigate = useNavigate();
  const { search } = useLocation();
  const setSubmitting = useForm('credit-control.override', (s) => s.setSubmitting);
  const resetForm = useForm('credit-control.override', (s) => s.resetForm);
  const base = `/content-manager/${target.collectionType}/${target.model}`;
  return async (reason: string, source: Values, changes: Values) => {
    const headers = { 'x-credit-override-reason': encodeURIComponent(reason) };
    if (target.documentId || target.collectionType === 'single-types') {
      const res = await put(target.documentId ? `${base}/${target.documentId}` : base, changes, { headers });
      resetForm(source);
      return res.headers;
    }
    // a create: the whole draft, created and logged as overridden in one transaction; while it is
    // submitting, leaving the create view for the new document's asks no "unsaved changes" question
    const locale = new URLSearchParams(search).get('plugins[i18n][locale]');
    setSubmitting(true);
    try {
      const res = await post<{ data: { documentId: string } }>(base, draftData(source), { headers, params: locale ? { locale } : undefined });
      resetForm(source);
      navigate(editViewPath(target.model, res.data.data.documentId), { replace: true });
      return res.headers;
    } finally {
      setSubmitting(false);
    }
  };
};

/** Re-sends the edit view's changes (or the create view's draft) with the override reason. */
const OverrideForm = ({ target, source, changes, onClose }: { target: Target; source: Values; changes: Values; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const setErrors = useForm('credit-control.override', (s) => s.setErrors);
  const save = useOverrideSave(target);
  const label = formatMessage({ id: getTranslation('override.confirm'), defaultMessage: 'Save anyway' });
  const submit = async (reason: string) => {
    const headers = await save(reason, source, changes);
    setErrors({});
    notifyCreditChanged();
    toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('override.saved'), defaultMessage: 'Saved with a credit override' }) });
    for (const warning of warningsOf(headers)) toggleNotification({ type: 'warning', message: warning });
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

/** "Save anyway" on a gated document, created or edited, for admins holding the override permission. */
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
        pending.current.source ? <OverrideForm target={{ model, documentId, collectionType }} source={pending.current.source} changes={pending.current.changes} onClose={onClose} /> : null,
    [model, documentId, collectionType]
  );
  if (!isDocument || !canOverride) return null;
  const title = formatMessage({ id: getTranslation('override.title'), defaultMessage: 'Save anyway' });
  return {
    label: title,
    icon: <WarningCircle />,
    position: 'panel',
    variant: 'danger-light',
    // a create sends its whole draft: anything typed is enough
    disabled: documentId ? Object.keys(changes).length === 0 : !source,
    dialog: { type: 'modal', title, content: Content },
  };
};
OverrideAction.position = 'panel';
