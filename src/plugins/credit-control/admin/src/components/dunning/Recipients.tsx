import * as React from 'react';
import { Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { errorText } from '../../utils/format';
import type { Candidate } from '../../utils/reports';

type Kind = 'employees' | 'contacts';
export type Chosen = Record<Kind, string[]>;
type Candidates = Record<Kind, Candidate[]>;

/**
 * The party's employees and contacts who may receive its dunning email (GET …/recipients); the
 * contacts flagged "receives dunning" start ticked. `failed` gets the server's refusal in words.
 */
export const useRecipients = (party: string, failed: (message: string) => void) => {
  const { get } = useFetchClient();
  const [candidates, setCandidates] = React.useState<Candidates | null>(null);
  const [chosen, setChosen] = React.useState<Chosen>({ employees: [], contacts: [] });
  React.useEffect(() => {
    let live = true;
    get<{ data: Candidates }>(`/credit-control/reports/parties/${party}/recipients`).then(
      (res) => {
        if (!live) return;
        setCandidates(res.data.data);
        setChosen({ employees: [], contacts: res.data.data.contacts.filter((c) => c.email && c.roles.includes('receivesDunning')).map((c) => c.documentId) });
      },
      (err) => live && (setCandidates({ employees: [], contacts: [] }), failed(errorText(err)))
    );
    return () => {
      live = false;
    };
  }, [get, party]);
  const toggle = (kind: Kind, id: string, on: boolean) => setChosen((c) => ({ ...c, [kind]: on ? [...c[kind], id] : c[kind].filter((x) => x !== id) }));
  return { candidates, chosen, toggle };
};

/** The recipients as ticks, one group per kind, with the server's message for them. */
export const Recipients = ({ candidates, chosen, toggle, error }: ReturnType<typeof useRecipients> & { error?: string }) => {
  const { t } = useT();
  const group = (kind: Kind, title: string) => (
    <Field.Root name={`recipients.${kind}`}>
      <Field.Label>{title}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={1}>
        {(candidates?.[kind] ?? []).length === 0 ? <Typography textColor="neutral600">{t('reports.email.none', 'None')}</Typography> : null}
        {(candidates?.[kind] ?? []).map((c) => (
          <Checkbox key={c.documentId} name={`${kind}.${c.documentId}`} disabled={!c.email} checked={chosen[kind].includes(c.documentId)} onCheckedChange={(on: boolean | 'indeterminate') => toggle(kind, c.documentId, on === true)}>
            {c.name || c.documentId} {c.email ? `<${c.email}>` : t('reports.email.noEmail', '(no email address)')}
            {c.roles.length ? ` · ${[...new Set(c.roles.map((r) => t(`reports.email.role.${r}`, r)))].join(', ')}` : ''}
          </Checkbox>
        ))}
      </Flex>
    </Field.Root>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={6} alignItems="flex-start" wrap="wrap">
        {group('employees', t('reports.email.employees', 'Employees'))}
        {group('contacts', t('reports.email.contacts', 'Contacts'))}
      </Flex>
      {error ? <Typography textColor="danger600" variant="pi" data-field-error="recipients">{error}</Typography> : null}
    </Flex>
  );
};
