import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { useRecord, useT } from '../shared';
import { ActionModal, refusalOf, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

interface Identity {
  siren: string;
  siret?: string;
  callName: string | null;
  apeCode: string | null;
  legalForm: string | null;
  address?: Record<string, string>;
  closed: boolean;
  withheld: string[];
  warnings: string[];
}

/** The edit-form fields an identity fills (only what INSEE disclosed), as the server's identify does. */
const patchOf = (identity: Identity, currentAddress: Record<string, unknown> | null): Record<string, unknown> => {
  const patch: Record<string, unknown> = { siren: identity.siren };
  if (identity.siret) patch.siret = identity.siret;
  if (identity.callName) patch.callName = identity.callName;
  if (identity.apeCode) patch.apeCode = identity.apeCode;
  if (identity.legalForm) patch.legalForm = identity.legalForm;
  if (identity.address && Object.keys(identity.address).length > 0) patch.address = { ...(currentAddress ?? {}), ...identity.address };
  return patch;
};

const SireneContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { values } = useRecord();
  const onChange = useForm('customer-actions.sirene', (s) => s.onChange);
  const formValues = useForm('customer-actions.sirene', (s) => s.values) as Record<string, any>;
  const [number, setNumber] = React.useState<string>(String(formValues.siret || formValues.siren || values.siret || values.siren || ''));
  const [identity, setIdentity] = React.useState<Identity | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [refusal, setRefusal] = useRefusal();
  const lookUp = async () => {
    const digits = number.replace(/\s/g, '');
    setBusy(true);
    setRefusal(null);
    setIdentity(null);
    try {
      const kind = digits.length === 9 ? 'siren' : 'siret';
      const { data } = await get<any>(`/customer-records/sirene/${kind}/${encodeURIComponent(digits)}`);
      setIdentity(data.data);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };
  const fill = async () => {
    const patch = patchOf(identity!, formValues.address ?? null);
    for (const [field, value] of Object.entries(patch)) onChange(field, value);
    toggleNotification({ type: 'info', message: t('sirene.filled', 'The form was filled from SIRENE: check it, then save.') });
    onClose();
  };
  const rows: [string, string | null | undefined][] = identity
    ? [
        [t('sirene.siren', 'SIREN'), identity.siren],
        [t('sirene.siret', 'SIRET'), identity.siret],
        [t('sirene.name', 'Name'), identity.callName],
        [t('sirene.ape', 'APE code'), identity.apeCode],
        [t('sirene.legalForm', 'Legal form'), identity.legalForm],
        [t('sirene.address', 'Address'), identity.address ? Object.values(identity.address).filter(Boolean).join(', ') : null],
      ]
    : [];
  return (
    <ActionModal onClose={onClose} onConfirm={identity ? fill : undefined} confirmLabel={t('sirene.fill', 'Fill the form')} refusal={refusal} setRefusal={setRefusal}>
      <Flex gap={2} alignItems="flex-end">
        <Box flex="1">
          <Field.Root name="sirene-number" error={refusal?.fields.siret ?? refusal?.fields.siren} hint={t('sirene.hint', '14 digits (SIRET) or 9 digits (SIREN)')}>
            <Field.Label>{t('sirene.number', 'SIRET or SIREN')}</Field.Label>
            <TextInput value={number} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNumber(e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Box>
        <Button onClick={lookUp} loading={busy} disabled={!number.trim()} variant="secondary" startIcon={<Search />}>
          {t('sirene.lookup', 'Look up')}
        </Button>
      </Flex>
      {identity ? (
        <Flex direction="column" alignItems="stretch" gap={1} data-sirene-identity={identity.siren}>
          {rows.map(([label, value]) => (
            <Typography key={label}>
              <Typography fontWeight="bold">{label}: </Typography>
              {value || '-'}
            </Typography>
          ))}
          {identity.closed ? <Typography textColor="danger600">{t('sirene.closed', 'This establishment is closed.')}</Typography> : null}
          {identity.warnings.map((w) => (
            <Typography key={w} textColor="warning600">{w}</Typography>
          ))}
        </Flex>
      ) : null}
    </ActionModal>
  );
};

export const SireneAction = recordAction({
  label: ['sirene.title', 'SIRENE lookup'],
  icon: <Search />,
  allowed: (p) => p.identify,
  Content: SireneContent,
});
