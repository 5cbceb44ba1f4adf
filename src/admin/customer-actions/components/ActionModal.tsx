import * as React from 'react';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useT } from '../shared';

export interface Refusal {
  message: string;
  fields: Record<string, string>;
}

type ErrorBody = { response?: { data?: { error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } } } }; message?: string };

/**
 * The server's refusal, read from a failed useFetchClient call: its message, and the first message
 * per field (details.errors[].path joined with '.', as a form of nested fields names them).
 */
export const refusalOf = (error: unknown): Refusal => {
  const body = (error as ErrorBody)?.response?.data?.error;
  const fields: Record<string, string> = {};
  for (const item of body?.details?.errors ?? []) {
    const key = (item.path ?? []).join('.');
    if (key && item.message && !fields[key]) fields[key] = item.message;
  }
  return { message: body?.message ?? (error as ErrorBody)?.message ?? String(error), fields };
};

/**
 * Body and footer of an action's modal: the server's refusal above the content, Cancel, and the
 * confirm button (busy while `onConfirm` runs; a throw shows the refusal and keeps the modal open).
 */
export const ActionModal = ({
  children,
  onClose,
  onConfirm,
  confirmLabel,
  confirmDisabled,
  refusal,
  setRefusal,
}: {
  children: React.ReactNode;
  onClose: () => void;
  onConfirm?: () => Promise<void>;
  confirmLabel?: string;
  confirmDisabled?: boolean;
  refusal: Refusal | null;
  setRefusal: (r: Refusal | null) => void;
}) => {
  const t = useT();
  const [busy, setBusy] = React.useState(false);
  const confirm = async () => {
    if (!onConfirm) return;
    setBusy(true);
    setRefusal(null);
    try {
      await onConfirm();
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {refusal ? (
            <Box padding={3} background="danger100" borderColor="danger200" hasRadius role="alert" data-action-error="true">
              <Typography textColor="danger700">{refusal.message}</Typography>
              {/* several broken rules: the message only counts them, each one is listed */}
              {Object.keys(refusal.fields).length > 1
                ? Object.entries(refusal.fields).map(([path, text]) => (
                    <Typography key={path} tag="p" textColor="danger700" variant="pi">{`${path}: ${text}`}</Typography>
                  ))
                : null}
            </Box>
          ) : null}
          {children}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {t('action.close', 'Close')}
        </Button>
        {onConfirm && confirmLabel ? (
          <Button onClick={confirm} loading={busy} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        ) : null}
      </Modal.Footer>
    </>
  );
};

/** The refusal and its setter, kept by each modal. */
export const useRefusal = () => React.useState<Refusal | null>(null);
