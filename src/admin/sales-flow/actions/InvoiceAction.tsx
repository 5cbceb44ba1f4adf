import * as React from 'react';
import { Checkbox, Field, Flex, Loader, Radio, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { File } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { ActionModal, refusalOf, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { useRecord } from '../../customer-actions/shared';
import { ExtraFields, givenFields } from '../components/ExtraFields';
import { MadeLinks } from '../components/MadeLinks';
import { PreviewTable } from '../components/PreviewTable';
import { canMake, cmRight, FLOW_BASE, FLOW_UIDS, PREFIX, sourceStates, useFlowT, type MadeDocument } from '../flow';
import { useFormat } from '../format';
import { useMake, usePartyOf, usePreview } from '../hooks';

/** The kinds of source the billing tool invoices: the body field, the linked-objects type, the states still to invoice. */
const SOURCES = [
  { field: 'deliveries', uid: FLOW_UIDS.delivery, type: 'deliveries', label: ['type.delivery', 'Delivery'] },
  { field: 'billingTables', uid: FLOW_UIDS.billingTable, type: 'billing-tables', label: ['type.billing-table', 'Billing table'] },
].map((s) => ({ ...s, states: sourceStates(s.uid, FLOW_UIDS.invoice, 'invoice') }));

interface SourceRow {
  field: string;
  label: [string, string];
  documentId: string;
  number: string;
  date: string | null;
  state: string;
  amountExclTax: string | null;
}

/** The party's deliveries and billing tables still to invoice (the record's linked objects, by state). */
const useToInvoice = (party: string | null | undefined) => {
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<SourceRow[] | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  React.useEffect(() => {
    if (!party) return;
    let live = true;
    (async () => {
      const found: SourceRow[] = [];
      for (const source of SOURCES) {
        for (const state of source.states) {
          const { data } = await get<any>(`/customer-records/customers/${party}/management-objects`, { params: { type: source.type, state, pageSize: 100 } });
          found.push(...data.data.map((row: any) => ({ ...row, field: source.field, label: source.label })));
        }
      }
      if (live) setRows(found.sort((a, b) => String(a.date).localeCompare(String(b.date))));
    })().catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [party, get]);
  return { rows, error };
};

/**
 * The billing tool from a delivery or billing table: the customer's sources still to invoice, this
 * one ticked; one invoice for all, or one per source; the preview; then the invoice(s).
 */
const InvoiceContent = ({ onClose }: { onClose: () => void }) => {
  const t = useFlowT();
  const { money } = useFormat();
  const { documentId, model } = useRecord();
  const { party, error: partyError } = usePartyOf(model, documentId);
  const { rows, error } = useToInvoice(party?.documentId);
  const [ticked, setTicked] = React.useState<Set<string>>(() => new Set(documentId ? [documentId] : []));
  const [grouping, setGrouping] = React.useState<'single' | 'perSource'>('single');
  const [fields, setFields] = React.useState<Record<string, string>>({});
  const [refusal, setRefusal] = useRefusal();
  const [made, setMade] = React.useState<MadeDocument[] | null>(null);
  const path = `${FLOW_BASE}/invoices/from-sources`;
  // one number cannot name several invoices: per source, the server numbers each
  const fieldNames = grouping === 'single' ? ['number', 'date', 'dueDate'] : ['date', 'dueDate'];
  const body = React.useMemo(() => {
    if (!rows || ticked.size === 0) return null;
    const picked = rows.filter((r) => ticked.has(r.documentId));
    const ids = (field: string) => picked.filter((r) => r.field === field).map((r) => r.documentId);
    const given = givenFields(fields);
    if (grouping !== 'single') delete given.number;
    return { deliveries: ids('deliveries'), billingTables: ids('billingTables'), grouping, ...given };
  }, [rows, ticked, grouping, fields]);
  const preview = usePreview<MadeDocument[]>(path, body);
  const make = useMake();
  const loadError = React.useMemo(() => (error || partyError ? refusalOf(error ?? partyError) : null), [error, partyError]);
  const shown = refusal ?? loadError ?? preview.refusal;
  const toggle = (id: string, on: boolean) => {
    setRefusal(null);
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  if (made) {
    return (
      <ActionModal onClose={onClose} refusal={null} setRefusal={setRefusal}>
        <MadeLinks made={made} uid={FLOW_UIDS.invoice} onOpen={onClose} />
      </ActionModal>
    );
  }
  return (
    <ActionModal
      onClose={onClose}
      onConfirm={async () => setMade(await make(path, body!, FLOW_UIDS.invoice, onClose))}
      confirmLabel={t('invoice.confirm', 'Invoice')}
      confirmDisabled={!body || !preview.data || preview.loading}
      refusal={shown}
      setRefusal={setRefusal}
    >
      <Typography>{t('invoice.intro', 'Still to invoice for this customer: tick what the invoice covers.')}</Typography>
      {!rows && !shown ? <Loader small>{t('loading', 'Loading')}</Loader> : null}
      {rows ? (
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('invoice.take', 'Invoice')}</Typography></Th>
              <Th><Typography variant="sigma">{t('chain.type', 'Type')}</Typography></Th>
              <Th><Typography variant="sigma">{t('chain.number', 'Number')}</Typography></Th>
              <Th><Typography variant="sigma">{t('chain.date', 'Date')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.amount', 'Amount excl. tax')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.documentId} data-source-row={row.documentId}>
                <Td>
                  <Checkbox
                    aria-label={t('invoice.tick', 'Invoice {number}', { number: row.number })}
                    checked={ticked.has(row.documentId)}
                    onCheckedChange={(on: boolean | 'indeterminate') => toggle(row.documentId, on === true)}
                  />
                </Td>
                <Td><Typography>{t(row.label[0], row.label[1])}</Typography></Td>
                <Td><Typography>{row.number}</Typography></Td>
                <Td><Typography>{row.date ?? '-'}</Typography></Td>
                <Td><Typography>{money(row.amountExclTax)}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
      <Field.Root name="grouping" error={shown?.fields.grouping}>
        <Field.Label>{t('invoice.grouping', 'Invoices')}</Field.Label>
        <Radio.Group value={grouping} onValueChange={(v: string) => setGrouping(v as 'single' | 'perSource')} aria-label={t('invoice.grouping', 'Invoices')} style={{ flexDirection: 'row', gap: 24 }}>
          <Radio.Item value="single">{t('invoice.single', 'One invoice')}</Radio.Item>
          <Radio.Item value="perSource">{t('invoice.perSource', 'One invoice per source')}</Radio.Item>
        </Radio.Group>
        <Field.Error />
      </Field.Root>
      <ExtraFields
        fields={fieldNames}
        values={fields}
        onChange={(values) => {
          setRefusal(null);
          setFields(values);
        }}
        errors={shown?.fields ?? {}}
      />
      {preview.loading ? <Loader small>{t('preview.loading', 'Computing the preview')}</Loader> : null}
      {preview.data && !preview.loading ? (
        <Flex direction="column" alignItems="stretch" gap={4}>
          {preview.data.map((invoice, index) => (
            <PreviewTable key={index} made={invoice} name={t('invoice.preview', 'Invoice {index} of {count}', { index: index + 1, count: preview.data!.length })} />
          ))}
        </Flex>
      ) : null}
    </ActionModal>
  );
};

export const InvoiceAction = recordAction({
  models: [FLOW_UIDS.delivery, FLOW_UIDS.billingTable],
  prefix: PREFIX,
  label: ['invoice.title', 'Invoice'],
  icon: <File />,
  allowed: (p) => p.salesFlow && p.read,
  requires: cmRight('create', FLOW_UIDS.invoice),
  when: (doc, model) => canMake(model, FLOW_UIDS.invoice, doc.state, 'invoice'),
  Content: InvoiceContent,
});
