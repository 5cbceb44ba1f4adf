import * as React from 'react';
import { Box, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useLabels } from '../../labels';
import { editViewPath, useRecord, useT } from '../shared';
import { ActionModal, refusalOf, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';
import { useObjectTypes, useSchemaOf, type Attribute } from './useObjectTypes';

const INPUT_TYPES: Record<string, string> = { string: 'text', text: 'text', uid: 'text', date: 'date', decimal: 'text', integer: 'number', float: 'text' };
const today = () => new Date().toISOString().slice(0, 10);
/** Today for dates; 0.00 for amounts (a draft without lines: the rules recompute them from the lines added later). */
const initialValue = (a: Attribute) => (a.type === 'date' ? today() : a.type === 'decimal' ? '0.00' : '');

/** Required plain fields the defaults leave empty: what the user must give. */
const askedFields = (attributes: Record<string, Attribute>, defaults: Record<string, unknown>) =>
  Object.entries(attributes).filter(
    ([name, a]) => a.required && a.default === undefined && INPUT_TYPES[a.type] && !(name in defaults)
  );

const NewObjectContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { typeName, fieldLabel } = useLabels();
  const { get, post } = useFetchClient();
  const navigate = useNavigate();
  const { documentId } = useRecord();
  const { types, error } = useObjectTypes(documentId);
  const schemaOf = useSchemaOf();
  const [type, setType] = React.useState<string | undefined>();
  const [defaults, setDefaults] = React.useState<{ data: Record<string, unknown>; billing: Record<string, any> } | null>(null);
  const [input, setInput] = React.useState<Record<string, string>>({});
  const [refusal, setRefusal] = useRefusal();
  const chosen = types?.find((x) => x.type === type);
  const schema = schemaOf(chosen?.uid);
  React.useEffect(() => {
    if (error) setRefusal(refusalOf(error));
  }, [error, setRefusal]);
  const choose = async (value: string) => {
    setType(value);
    setDefaults(null);
    setRefusal(null);
    try {
      const { data } = await get<any>(`/customer-records/customers/${documentId}/management-objects/${value}/defaults`);
      setDefaults(data.data);
      const attrs = schemaOf(types?.find((x) => x.type === value)?.uid)?.attributes ?? {};
      setInput(Object.fromEntries(askedFields(attrs, data.data.data).map(([name, a]) => [name, initialValue(a)])));
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  };
  const create = async () => {
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v.trim() !== ''));
    const { data } = await post<any>(`/customer-records/customers/${documentId}/management-objects/${type}`, { data: given });
    onClose();
    navigate(editViewPath(chosen!.uid, data.data.documentId));
  };
  const asked = schema && defaults ? askedFields(schema.attributes, defaults.data) : [];
  const billing = defaults?.billing ?? {};
  const party = (x?: { code?: string; callName?: string } | null) => (x ? [x.code, x.callName].filter(Boolean).join(' ') : '');
  // relations come as documentIds: the billing answer names the parties and the site, the rest is "from the record"
  const named: Record<string, string> = { customer: party(billing.customer), customerToBill: party(billing.customerToBill), billingSite: billing.billingSite?.name ?? '' };
  const prefilled: [string, string][] = Object.keys(defaults?.data ?? {}).map((field) => [field, named[field] || t('objects.fromRecord', 'from the record')]);
  return (
    <ActionModal onClose={onClose} onConfirm={defaults ? create : undefined} confirmLabel={t('objects.create', 'Create and open')} refusal={refusal} setRefusal={setRefusal}>
      <Field.Root name="type" error={refusal?.fields.type}>
        <Field.Label>{t('objects.type', 'Type')}</Field.Label>
        <SingleSelect value={type} onChange={(v: string | number) => choose(String(v))} placeholder={t('objects.choose', 'Choose a type')}>
          {(types ?? []).filter((x) => x.type !== 'events').map((x) => (
            <SingleSelectOption key={x.type} value={x.type}>
              {typeName(schemaOf(x.uid)?.info.displayName ?? x.type)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      {defaults ? (
        <Box padding={3} background="neutral100" hasRadius data-object-defaults={type}>
          <Typography variant="sigma">{t('objects.prefilled', 'Pre-filled from the record')}</Typography>
          {prefilled.map(([field, value]) => (
            <Typography key={field} tag="p" data-default={field}>
              <Typography fontWeight="bold">{fieldLabel(chosen!.uid, field)}: </Typography>
              {value || '-'}
            </Typography>
          ))}
        </Box>
      ) : null}
      <Flex direction="column" alignItems="stretch" gap={3}>
        {asked.map(([name, a]) => (
          <Field.Root key={name} name={name} required error={refusal?.fields[name]}>
            <Field.Label>{fieldLabel(chosen!.uid, name)}</Field.Label>
            <TextInput type={INPUT_TYPES[a.type]} value={input[name] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setInput({ ...input, [name]: e.target.value })} />
            <Field.Error />
          </Field.Root>
        ))}
      </Flex>
    </ActionModal>
  );
};

export const NewObjectAction = recordAction({
  label: ['objects.new', 'New management object'],
  icon: <Plus />,
  allowed: (p) => p.createObjects && p.read,
  Content: NewObjectContent,
});
