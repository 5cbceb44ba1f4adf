import * as React from 'react';
import { Box, Combobox, ComboboxOption, Field, Typography } from '@strapi/design-system';
import { Link as LinkIcon } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { CUSTOMER, editViewPath, useRecord, useT } from '../shared';
import { ActionModal, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

interface Party {
  documentId: string;
  code?: string | null;
  callName?: string | null;
  kind?: string;
}

const labelOf = (p: Party) => [p.code, p.callName].filter(Boolean).join(' ');

/** Customers and prospects matching what is typed, through the Content Manager's search. */
const useParties = (query: string, exclude: string | undefined) => {
  const { get } = useFetchClient();
  const [parties, setParties] = React.useState<Party[]>([]);
  const [loading, setLoading] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      get<any>(`/content-manager/collection-types/${CUSTOMER}`, { params: { _q: query || undefined, page: 1, pageSize: 20, sort: 'callName:ASC' } })
        .then(({ data }) => live && setParties((data.results as Party[]).filter((p) => p.documentId !== exclude)))
        .catch(() => live && setParties([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, exclude, get]);
  return { parties, loading };
};

const TransferContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { documentId, values } = useRecord();
  const [query, setQuery] = React.useState('');
  const [target, setTarget] = React.useState<string | undefined>();
  const { parties, loading } = useParties(query, documentId);
  const [refusal, setRefusal] = useRefusal();
  const chosen = parties.find((p) => p.documentId === target);
  const transfer = async () => {
    const { data } = await post<any>(`/customer-records/customers/${documentId}/transfer`, { target });
    const removed = data.meta?.removed ?? { selfLinks: 0, duplicates: 0 };
    toggleNotification({
      type: 'success',
      timeout: 10_000,
      message: t('transfer.done', '{name} was transferred into {target}. Links removed: {selfLinks} self-link(s), {duplicates} duplicate(s).', {
        name: values.callName ?? '',
        target: labelOf(data.data ?? chosen ?? { documentId: target! }),
        selfLinks: removed.selfLinks,
        duplicates: removed.duplicates,
      }),
    });
    onClose();
    // the prospect no longer exists: go to the record that received it
    navigate(editViewPath(CUSTOMER, target!));
  };
  return (
    <ActionModal
      onClose={onClose}
      onConfirm={transfer}
      confirmDisabled={!target}
      confirmLabel={t('transfer.confirm', 'Transfer and delete this prospect')}
      refusal={refusal}
      setRefusal={setRefusal}
    >
      <Typography>{t('transfer.intro', 'The prospect {name} is merged into the chosen record, then deleted. This cannot be undone.', { name: values.callName ?? '' })}</Typography>
      <Field.Root name="target" error={refusal?.fields.target} required>
        <Field.Label>{t('transfer.target', 'Transfer into')}</Field.Label>
        <Combobox
          value={target}
          onChange={(value?: string) => setTarget(value)}
          onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)}
          autocomplete={{ type: 'list', filter: 'contains' }}
          loading={loading}
          placeholder={t('transfer.search', 'Search a customer or prospect')}
          noOptionsMessage={() => t('transfer.none', 'No customer or prospect found')}
          onClear={() => setTarget(undefined)}
        >
          {parties.map((p) => (
            <ComboboxOption key={p.documentId} value={p.documentId}>
              {`${labelOf(p)} (${p.kind === 'prospect' ? t('kind.prospect', 'prospect') : t('kind.customer', 'customer')})`}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Error />
      </Field.Root>
      {chosen ? (
        <Box>
          <Typography variant="omega" textColor="neutral600">
            {t('transfer.summary', '{name} → {target}', { name: values.callName ?? '', target: labelOf(chosen) })}
          </Typography>
        </Box>
      ) : null}
      {refusal?.fields.kind ? <Typography textColor="danger600">{refusal.fields.kind}</Typography> : null}
    </ActionModal>
  );
};

export const TransferAction = recordAction({
  label: ['transfer.title', 'Transfer into…'],
  icon: <LinkIcon />,
  allowed: (p) => p.transfer,
  when: (doc) => doc.kind === 'prospect',
  Content: TransferContent,
});

