import * as React from 'react';
import { Loader, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { ActionModal, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { useRecord } from '../../customer-actions/shared';
import { ExtraFields, givenFields } from '../components/ExtraFields';
import { PreviewTable } from '../components/PreviewTable';
import { cmRight, FLOW_BASE, FLOW_UIDS, PREFIX, useFlowT } from '../flow';
import { useMake, usePreview } from '../hooks';

/**
 * A new revision of the quotation: a draft copy that supersedes it, opened for editing. Whether
 * this version may still be revised is the server's call: its preview says why not.
 */
const ReviseContent = ({ onClose }: { onClose: () => void }) => {
  const t = useFlowT();
  const { documentId } = useRecord();
  const path = `${FLOW_BASE}/quotations/${documentId}/revision`;
  const [fields, setFields] = React.useState<Record<string, string>>({});
  const body = React.useMemo(() => givenFields(fields), [fields]);
  const preview = usePreview(path, body);
  const [refusal, setRefusal] = useRefusal();
  const make = useMake();
  const shown = refusal ?? preview.refusal;
  return (
    <ActionModal
      onClose={onClose}
      onConfirm={async () => {
        await make(path, body, FLOW_UIDS.quotation, onClose);
      }}
      confirmLabel={t('revise.confirm', 'Make the revision')}
      confirmDisabled={!preview.data || preview.loading}
      refusal={shown}
      setRefusal={setRefusal}
    >
      <Typography>{t('revise.intro', 'A new version of this quotation, as a draft to edit; this one is superseded.')}</Typography>
      <ExtraFields
        fields={['number', 'date', 'validUntil']}
        values={fields}
        onChange={(values) => {
          setRefusal(null);
          setFields(values);
        }}
        errors={shown?.fields ?? {}}
      />
      {preview.loading ? <Loader small>{t('preview.loading', 'Computing the preview')}</Loader> : null}
      {preview.data && !preview.loading ? (
        <PreviewTable made={preview.data} name={t('revise.preview', 'Revision {number}', { number: preview.data.number ?? '' })} />
      ) : null}
    </ActionModal>
  );
};

export const ReviseAction = recordAction({
  models: [FLOW_UIDS.quotation],
  prefix: PREFIX,
  label: ['revise.title', 'Revise'],
  icon: <Duplicate />,
  allowed: (p) => p.salesFlow,
  requires: cmRight('create', FLOW_UIDS.quotation),
  Content: ReviseContent,
});
