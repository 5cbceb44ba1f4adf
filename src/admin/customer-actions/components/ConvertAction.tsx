import * as React from 'react';
import { Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { ArrowRight } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useRecord, useRefreshRecord, useT } from '../shared';
import { ActionModal, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

/** Whether the record's company numbers its customers manually (null: unknown, the code field shows). */
const useManualNumbering = (documentId: string | undefined) => {
  const { get } = useFetchClient();
  const [manual, setManual] = React.useState<boolean | null>(null);
  React.useEffect(() => {
    if (!documentId) return;
    let live = true;
    (async () => {
      const { data } = await get<any>(`/content-manager/relations/api::customer.customer/${documentId}/company`);
      const company = data?.results?.[0];
      if (!company) return live && setManual(false);
      const found = await get<any>(`/content-manager/collection-types/api::company.company/${company.documentId}`);
      if (live) setManual(found.data?.data?.customerNumbering === 'manual');
    })().catch(() => live && setManual(null));
    return () => {
      live = false;
    };
  }, [documentId, get]);
  return manual;
};

const ConvertContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refresh = useRefreshRecord();
  const { documentId, model, values } = useRecord();
  const manual = useManualNumbering(documentId);
  const [code, setCode] = React.useState('');
  const [refusal, setRefusal] = useRefusal();
  const convert = async () => {
    await post<any>(`/customer-records/customers/${documentId}/convert`, code.trim() ? { code: code.trim() } : {});
    refresh(model, documentId!);
    toggleNotification({ type: 'success', message: t('convert.done', '{name} is now a customer', { name: values.callName ?? '' }) });
    onClose();
  };
  // the code field shows for manual numbering, when unknown, and whenever the server named it
  const askCode = manual !== false || Boolean(refusal?.fields.code);
  return (
    <ActionModal onClose={onClose} onConfirm={convert} confirmLabel={t('convert.confirm', 'Convert')} refusal={refusal} setRefusal={setRefusal}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography>
          {t('convert.intro', 'The prospect {name} becomes a customer: same record, every link kept.', { name: values.callName ?? '' })}
        </Typography>
        {askCode ? (
          <Field.Root name="code" error={refusal?.fields.code} required={manual === true} hint={manual ? t('convert.code.hint', 'The company numbers its customers manually: give the new customer code.') : undefined}>
            <Field.Label>{t('convert.code', 'New customer code')}</Field.Label>
            <TextInput value={code} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCode(e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        ) : (
          <Typography textColor="neutral600">{t('convert.automatic', 'The customer keeps the code {code}.', { code: values.code ?? '' })}</Typography>
        )}
      </Flex>
    </ActionModal>
  );
};

export const ConvertAction = recordAction({
  label: ['convert.title', 'Convert to customer'],
  icon: <ArrowRight />,
  allowed: (p) => p.convert,
  when: (doc) => doc.kind === 'prospect',
  Content: ConvertContent,
});
