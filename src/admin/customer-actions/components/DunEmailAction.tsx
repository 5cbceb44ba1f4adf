import * as React from 'react';
import { Box, Checkbox, Field, Flex, Loader, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useRecord, useT } from '../shared';
import { ActionModal, refusalOf, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

interface Candidate {
  documentId: string;
  name: string;
  email: string | null;
  roles?: string[];
}
type Kind = 'employees' | 'contacts';

const DunEmailContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { documentId, values } = useRecord();
  const [candidates, setCandidates] = React.useState<Record<Kind, Candidate[]> | null>(null);
  const [chosen, setChosen] = React.useState<Record<Kind, string[]>>({ employees: [], contacts: [] });
  const [subject, setSubject] = React.useState(() => t('email.defaultSubject', 'Payment reminder: {name}', { name: values.callName ?? '' }));
  const [format, setFormat] = React.useState('letter');
  const [refusal, setRefusal] = useRefusal();
  React.useEffect(() => {
    let live = true;
    get<any>(`/credit-control/reports/parties/${documentId}/recipients`)
      .then(({ data }) => live && setCandidates({ employees: data.data.employees ?? [], contacts: data.data.contacts ?? [] }))
      .catch((e) => live && setRefusal(refusalOf(e)));
    return () => {
      live = false;
    };
  }, [documentId, get, setRefusal]);
  const toggle = (kind: Kind, id: string, on: boolean) =>
    setChosen((c) => ({ ...c, [kind]: on ? [...c[kind], id] : c[kind].filter((x) => x !== id) }));
  const send = async () => {
    const { data } = await post<any>(`/credit-control/reports/parties/${documentId}/dunning-email`, { subject, format, recipients: chosen });
    toggleNotification({
      type: 'success',
      message: t('email.sent', 'Dunning email sent to {recipients} (level {level}, {count} invoice(s))', {
        recipients: data.data.recipients.join(', '),
        level: data.data.level,
        count: data.data.invoices.length,
      }),
    });
    onClose();
  };
  const group = (kind: Kind, title: string) => (
    <Flex direction="column" alignItems="stretch" gap={1} key={kind}>
      <Typography variant="sigma">{title}</Typography>
      {(candidates?.[kind] ?? []).length === 0 ? <Typography textColor="neutral600">-</Typography> : null}
      {(candidates?.[kind] ?? []).map((c) => (
        <Checkbox
          key={c.documentId}
          name={`${kind}-${c.documentId}`}
          disabled={!c.email}
          checked={chosen[kind].includes(c.documentId)}
          onCheckedChange={(v: boolean | 'indeterminate') => toggle(kind, c.documentId, v === true)}
        >
          {`${c.name} (${c.email ?? t('email.noEmail', 'no email address')})`}
        </Checkbox>
      ))}
    </Flex>
  );
  const recipientsError = Object.entries(refusal?.fields ?? {}).find(([path]) => path.startsWith('recipients'))?.[1];
  return (
    <ActionModal onClose={onClose} onConfirm={send} confirmLabel={t('email.confirm', 'Send the dunning email')} refusal={refusal} setRefusal={setRefusal}>
      <Typography>{t('email.intro', 'Emails the dunning letter of {name} (PDF attached) to the chosen recipients, and records the dunning level.', { name: values.callName ?? '' })}</Typography>
      <Box>
        {candidates ? (
          <Flex direction="column" alignItems="stretch" gap={3} data-recipients="true">
            {group('contacts', t('email.contacts', 'Contacts'))}
            {group('employees', t('email.employees', 'Employees (salesmen, account managers)'))}
          </Flex>
        ) : !refusal ? (
          <Loader small />
        ) : null}
        {recipientsError ? <Typography textColor="danger600">{recipientsError}</Typography> : null}
      </Box>
      <Field.Root name="subject" required error={refusal?.fields.subject}>
        <Field.Label>{t('email.subject', 'Title')}</Field.Label>
        <TextInput value={subject} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSubject(e.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root name="format" error={refusal?.fields.format}>
        <Field.Label>{t('email.format', 'Format')}</Field.Label>
        <SingleSelect value={format} onChange={(v: string | number) => setFormat(String(v))}>
          <SingleSelectOption value="letter">{t('email.format.letter', 'Letter')}</SingleSelectOption>
          <SingleSelectOption value="summary">{t('email.format.summary', 'Summary')}</SingleSelectOption>
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </ActionModal>
  );
};

export const DunEmailAction = recordAction({
  label: ['email.title', 'Dun by email'],
  icon: <Mail />,
  allowed: (p) => p.reportsDun && p.reportsRead,
  when: (doc) => doc.kind === 'customer',
  Content: DunEmailContent,
});
