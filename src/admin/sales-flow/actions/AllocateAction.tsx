import * as React from 'react';
import { Button, Field, Flex, Loader, Radio, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link as LinkIcon } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { ActionModal, refusalOf, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { editViewPath, useRecord, useRefreshRecord } from '../../customer-actions/shared';
import { cmRight, FLOW_BASE, FLOW_UIDS, PREFIX, useFlowT } from '../flow';
import { useFormat } from '../format';
import { usePartyOf } from '../hooks';
import { fromCents, toCents, useOpenInvoices, useReceipt, type OpenInvoice } from '../receipts';

/**
 * Lettrage from the receipt: what it already pays (each un-allocatable), and the customer's open
 * invoices with what each still owes; the amount comes pre-filled with what the receipt can give
 * that invoice. The modal stays open to allocate the rest, and the record is read again.
 */
const AllocateContent = ({ onClose }: { onClose: () => void }) => {
  const t = useFlowT();
  const { money } = useFormat();
  const { post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refresh = useRefreshRecord();
  const { documentId, model } = useRecord();
  const [version, setVersion] = React.useState(0);
  const { receipt, error: receiptError } = useReceipt(documentId, version);
  const { party, error: partyError } = usePartyOf(model, documentId, ['customer']);
  const { invoices, error: invoicesError } = useOpenInvoices(party?.documentId, version);
  const [chosen, setChosen] = React.useState<string | undefined>();
  const [amount, setAmount] = React.useState('');
  const [refusal, setRefusal] = useRefusal();
  const free = receipt ? toCents(receipt.amount) - toCents(receipt.allocatedAmount) : 0;
  const choose = (invoice: OpenInvoice | undefined) => {
    setChosen(invoice?.documentId);
    setAmount(invoice ? fromCents(Math.max(0, Math.min(free, invoice.owed))) : '');
  };
  // on each (re)load: the invoice chosen stays if still open, else the oldest; the amount is what the receipt can give it
  const chosenRef = React.useRef(chosen);
  chosenRef.current = chosen;
  React.useEffect(() => {
    if (invoices && receipt) choose(invoices.find((i) => i.documentId === chosenRef.current) ?? invoices[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invoices, receipt]);
  const loadError = receiptError ?? partyError ?? invoicesError;
  const shown = refusal ?? (loadError ? refusalOf(loadError) : null);
  const changed = (message: string) => {
    setVersion((v) => v + 1);
    refresh(model, documentId!);
    toggleNotification({ type: 'success', message });
  };
  const allocate = async () => {
    const invoice = invoices?.find((i) => i.documentId === chosen);
    await post(`${FLOW_BASE}/receipts/${documentId}/allocations`, { data: { invoice: chosen, ...(amount.trim() ? { amount: amount.trim() } : {}) } });
    changed(t('allocate.done', 'Allocated {amount} to {number}', { amount: money(amount || '0'), number: invoice?.number ?? '' }));
  };
  const unallocate = async (invoice: { documentId: string; number: string }) => {
    setRefusal(null);
    try {
      await del(`${FLOW_BASE}/receipts/${documentId}/allocations/${invoice.documentId}`);
      changed(t('unallocate.done', 'Un-allocated from {number}', { number: invoice.number }));
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };
  return (
    <ActionModal
      onClose={onClose}
      onConfirm={allocate}
      confirmLabel={t('allocate.confirm', 'Allocate')}
      confirmDisabled={!chosen}
      refusal={shown}
      setRefusal={setRefusal}
    >
      {!receipt ? <Loader small>{t('loading', 'Loading')}</Loader> : (
        <Typography data-receipt-free={fromCents(free)}>
          {t('allocate.intro', 'Receipt of {amount}: {free} left to allocate.', { amount: money(receipt.amount), free: money(fromCents(free)) })}
        </Typography>
      )}
      {receipt && receipt.allocations.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={2} data-allocations="true">
          <Typography variant="sigma">{t('allocate.current', 'Allocated')}</Typography>
          {receipt.allocations.map((a) => (
            <Flex key={a.id} justifyContent="space-between" gap={2} data-allocation={a.invoice?.documentId}>
              <Typography>
                {a.invoice ? <Link to={editViewPath(FLOW_UIDS.invoice, a.invoice.documentId)} onClick={onClose}>{a.invoice.number}</Link> : '-'}{' '}
                {money(a.amount)}
              </Typography>
              {a.invoice ? (
                <Button size="S" variant="danger-light" onClick={() => unallocate(a.invoice!)}>
                  {t('unallocate.button', 'Un-allocate')}
                </Button>
              ) : null}
            </Flex>
          ))}
        </Flex>
      ) : null}
      {invoices && invoices.length === 0 ? <Typography textColor="neutral600">{t('allocate.none', 'No open invoice for this customer.')}</Typography> : null}
      {invoices && invoices.length > 0 ? (
        <Field.Root name="invoice" error={shown?.fields.invoice}>
          <Field.Label>{t('allocate.invoices', 'Open invoices')}</Field.Label>
          <Radio.Group value={chosen} onValueChange={(id: string) => { setRefusal(null); choose(invoices.find((i) => i.documentId === id)); }} aria-label={t('allocate.invoices', 'Open invoices')}>
            <Table colCount={4} rowCount={invoices.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('chain.number', 'Number')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('chain.date', 'Date')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('total.inclTax', 'Total incl. tax')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('allocate.owed', 'Still owed')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {invoices.map((invoice) => (
                  <Tr key={invoice.documentId} data-open-invoice={invoice.documentId}>
                    <Td><Radio.Item value={invoice.documentId}>{invoice.number}</Radio.Item></Td>
                    <Td><Typography>{invoice.date ?? '-'}</Typography></Td>
                    <Td><Typography>{money(invoice.amountInclTax)}</Typography></Td>
                    <Td><Typography data-owed={fromCents(invoice.owed)}>{money(fromCents(invoice.owed))}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Radio.Group>
          <Field.Error />
        </Field.Root>
      ) : null}
      {chosen ? (
        <Field.Root name="amount" error={shown?.fields.amount} hint={t('allocate.amount.hint', 'Tax included; empty: all the receipt can give, at most what the invoice owes')}>
          <Field.Label>{t('allocate.amount', 'Amount to allocate')}</Field.Label>
          <TextInput value={amount} onChange={(e: React.ChangeEvent<HTMLInputElement>) => { setRefusal(null); setAmount(e.target.value); }} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      ) : null}
    </ActionModal>
  );
};

export const AllocateAction = recordAction({
  models: [FLOW_UIDS.receipt],
  prefix: PREFIX,
  label: ['allocate.title', 'Allocate'],
  icon: <LinkIcon />,
  allowed: (p) => p.salesFlow && p.read,
  requires: cmRight('update', FLOW_UIDS.receipt),
  when: (doc) => doc.state !== 'cancelled',
  Content: AllocateContent,
});
