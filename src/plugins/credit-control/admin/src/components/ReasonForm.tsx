import * as React from 'react';
import { Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { errorText } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

interface Props {
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
  confirmLabel: string;
  intro?: React.ReactNode;
  /** Dialog (header actions) or plain body + footer (modals) */
  Body?: React.ElementType;
  Footer?: React.ElementType;
}

/** A required reason, sent with the action; the server's refusal text is shown as is. */
export const ReasonForm = ({ onClose, onSubmit, confirmLabel, intro, Body = Dialog.Body, Footer = Dialog.Footer }: Props) => {
  const { formatMessage } = useIntl();
  const [reason, setReason] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError(formatMessage({ id: getTranslation('reason.required'), defaultMessage: 'A reason is required' }));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Body>
        <Flex direction="column" alignItems="stretch" gap={3} width="100%">
          {intro ? <Typography>{intro}</Typography> : null}
          <Field.Root name="credit-reason" error={error ?? undefined} required>
            <Field.Label>{formatMessage({ id: getTranslation('reason.label'), defaultMessage: 'Reason' })}</Field.Label>
            <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
            <Field.Error />
          </Field.Root>
        </Flex>
      </Body>
      <Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage({ id: getTranslation('action.cancel'), defaultMessage: 'Cancel' })}
        </Button>
        <Button onClick={submit} loading={busy}>{confirmLabel}</Button>
      </Footer>
    </>
  );
};
