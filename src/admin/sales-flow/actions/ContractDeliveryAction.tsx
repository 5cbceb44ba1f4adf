import * as React from 'react';
import { Loader, Typography } from '@strapi/design-system';
import { Calendar } from '@strapi/icons';
import { ActionModal, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { useRecord } from '../../customer-actions/shared';
import { ExtraFields, givenFields } from '../components/ExtraFields';
import { PreviewTable } from '../components/PreviewTable';
import { cmRight, CONTRACT_UID, FLOW_BASE, FLOW_UIDS, PREFIX, useFlowT, type MadeDocument } from '../flow';
import { useMake, usePreview } from '../hooks';

type Note = MadeDocument & { periodStart?: string; periodEnd?: string };

/**
 * "Generating a delivery note from a contract": the note of the next period not yet billed (or of
 * the period the clerk names by its first day), previewed, then made and opened.
 */
const ContractDeliveryContent = ({ onClose }: { onClose: () => void }) => {
  const t = useFlowT();
  const { documentId } = useRecord();
  const path = `${FLOW_BASE}/maintenance-contracts/${documentId}/deliveries`;
  const [fields, setFields] = React.useState<Record<string, string>>({});
  const body = React.useMemo(() => givenFields(fields), [fields]);
  const preview = usePreview<Note>(path, body);
  const [refusal, setRefusal] = useRefusal();
  const make = useMake();
  const shown = refusal ?? preview.refusal;
  return (
    <ActionModal
      onClose={onClose}
      onConfirm={async () => {
        await make(path, body, FLOW_UIDS.delivery, onClose);
      }}
      confirmLabel={t('contractNote.confirm', 'Make the delivery note')}
      confirmDisabled={!preview.data || preview.loading}
      refusal={shown}
      setRefusal={setRefusal}
    >
      <Typography>{t('contractNote.intro', 'The delivery note of one billing period: the next one not yet billed, or the one that starts on the day you give.')}</Typography>
      <ExtraFields
        fields={['periodStart', 'number', 'date']}
        values={fields}
        onChange={(values) => {
          setRefusal(null);
          setFields(values);
        }}
        errors={shown?.fields ?? {}}
      />
      {preview.loading ? <Loader small>{t('preview.loading', 'Computing the preview')}</Loader> : null}
      {preview.data && !preview.loading ? (
        <PreviewTable
          made={preview.data}
          name={t('contractNote.period', 'Period from {start} to {end}', { start: preview.data.periodStart ?? '', end: preview.data.periodEnd ?? '' })}
        />
      ) : null}
    </ActionModal>
  );
};

export const ContractDeliveryAction = recordAction({
  models: [CONTRACT_UID],
  prefix: PREFIX,
  label: ['contractNote.title', 'Make the delivery note'],
  icon: <Calendar />,
  allowed: (p) => p.salesFlow,
  requires: cmRight('create', FLOW_UIDS.delivery),
  when: (doc) => doc.state === 'active',
  Content: ContractDeliveryContent,
});
