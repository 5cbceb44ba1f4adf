import * as React from 'react';
import { Field, LinkButton, TextInput, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { editViewPath, useRecord, useT } from '../shared';
import { ActionModal, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

const SUPPLIER = 'api::supplier.supplier';

const LinkedSupplierContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { documentId, values } = useRecord();
  const [code, setCode] = React.useState('');
  const [created, setCreated] = React.useState<{ documentId: string; code?: string; callName?: string } | null>(null);
  const [refusal, setRefusal] = useRefusal();
  const create = async () => {
    const { data } = await post<any>(`/customer-records/customers/${documentId}/linked-supplier`, code.trim() ? { code: code.trim() } : {});
    setCreated(data.data);
  };
  if (created) {
    return (
      <ActionModal onClose={onClose} refusal={null} setRefusal={setRefusal}>
        <Typography data-linked-supplier={created.documentId}>
          {t('supplier.done', 'Supplier {code} {name} was created and linked to this record.', { code: created.code ?? '', name: created.callName ?? '' })}
        </Typography>
        <LinkButton tag={RouterLink} to={editViewPath(SUPPLIER, created.documentId)} variant="secondary">
          {t('supplier.open', 'Open the supplier')}
        </LinkButton>
      </ActionModal>
    );
  }
  return (
    <ActionModal onClose={onClose} onConfirm={create} confirmLabel={t('supplier.confirm', 'Create the supplier')} refusal={refusal} setRefusal={setRefusal}>
      <Typography>{t('supplier.intro', 'A supplier record is created from {name} (identity, address, contact and bank details) and linked to it.', { name: values.callName ?? '' })}</Typography>
      <Field.Root name="code" error={refusal?.fields.code ?? refusal?.fields.linkedProspect} hint={t('supplier.code.hint', 'Leave empty to reuse the record\'s code {code}.', { code: values.code ?? '' })}>
        <Field.Label>{t('supplier.code', 'Supplier code')}</Field.Label>
        <TextInput value={code} placeholder={values.code ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCode(e.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </ActionModal>
  );
};

export const LinkedSupplierAction = recordAction({
  label: ['supplier.title', 'New linked supplier'],
  icon: <Plus />,
  allowed: (p) => p.linkedSupplier,
  Content: LinkedSupplierContent,
});
