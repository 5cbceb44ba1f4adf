import * as React from 'react';
import { Box, Button, Field, Flex, Modal, ProgressBar, Table, Tbody, Td, Th, Thead, Tr, TextInput, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { ActionModal, useRefusal } from '../../customer-actions/components/ActionModal';
import { usePermissions } from '../../customer-actions/shared';
import { cmRight, CONTRACT_UID, FLOW_BASE, FLOW_UIDS, useFlowT } from '../flow';

interface Outcome { contract: string; number: string; outcome: 'billed' | 'refused'; deliveries?: string[]; message?: string }
interface Run {
  documentId: string;
  state: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  contractsBilled: number;
  deliveriesMade: number;
  contractsRefused: number;
  outcomes: Outcome[] | null;
  error: string | null;
}
const POLL_MS = 800;
const today = () => new Date().toISOString().slice(0, 10);
const requires = cmRight('create', FLOW_UIDS.delivery);

/** The run's progress, asked again until it is done. */
function useRun(initial: Run | null): Run | null {
  const { get } = useFetchClient();
  const [run, setRun] = React.useState<Run | null>(initial);
  React.useEffect(() => setRun(initial), [initial]);
  React.useEffect(() => {
    if (!run || run.state !== 'running') return;
    const timer = setTimeout(() => {
      get<{ data: Run }>(`${FLOW_BASE}/contract-billing-runs/${run.documentId}`).then(({ data }) => setRun(data.data)).catch(() => undefined);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, get]);
  return run;
}

const RunReport = ({ run }: { run: Run }) => {
  const t = useFlowT();
  const outcomes = run.outcomes ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-contract-run={run.state}>
      <ProgressBar value={run.total === 0 ? 100 : Math.round((100 * run.processed) / run.total)} />
      <Typography data-run-progress={`${run.processed}/${run.total}`}>
        {t('contractRun.progress', '{processed} of {total} contracts looked at: {billed} billed ({notes} delivery notes), {refused} refused', {
          processed: run.processed, total: run.total, billed: run.contractsBilled, notes: run.deliveriesMade, refused: run.contractsRefused,
        })}
      </Typography>
      {run.state === 'failed' ? <Typography textColor="danger700">{run.error}</Typography> : null}
      {outcomes.length > 0 ? (
        <Table colCount={3} rowCount={outcomes.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('contractRun.contract', 'Contract')}</Typography></Th>
              <Th><Typography variant="sigma">{t('contractRun.outcome', 'Outcome')}</Typography></Th>
              <Th><Typography variant="sigma">{t('contractRun.detail', 'Delivery notes or reason')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {outcomes.map((o) => (
              <Tr key={o.contract} data-run-outcome={o.outcome}>
                <Td><Typography>{o.number}</Typography></Td>
                <Td><Typography textColor={o.outcome === 'refused' ? 'danger700' : 'success700'}>{t(`contractRun.${o.outcome}`, o.outcome)}</Typography></Td>
                <Td><Typography>{o.outcome === 'billed' ? (o.deliveries ?? []).join(', ') : o.message}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
    </Flex>
  );
};

const ContractBillingModal = ({ onClose }: { onClose: () => void }) => {
  const t = useFlowT();
  const { post } = useFetchClient();
  const [dueDate, setDueDate] = React.useState(today());
  const [started, setStarted] = React.useState<Run | null>(null);
  const [refusal, setRefusal] = useRefusal();
  const run = useRun(started);
  return (
    <ActionModal
      onClose={onClose}
      onConfirm={
        started
          ? undefined
          : async () => {
              const { data } = await post<{ data: Run }>(`${FLOW_BASE}/contract-billing-runs`, { data: { dueDate } });
              setStarted(data.data);
            }
      }
      confirmLabel={t('contractRun.confirm', 'Bill the contracts due')}
      confirmDisabled={!dueDate}
      refusal={refusal}
      setRefusal={setRefusal}
    >
      <Typography>{t('contractRun.intro', 'Every active contract gets the delivery notes of its periods started on or before the date and not yet billed. A period is never billed twice.')}</Typography>
      <Box>
        <Field.Root name="dueDate" error={refusal?.fields.dueDate}>
          <Field.Label>{t('contractRun.dueDate', 'Periods due on')}</Field.Label>
          <TextInput type="date" value={dueDate} disabled={Boolean(started)} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDueDate(e.target.value)} />
          <Field.Error />
        </Field.Root>
      </Box>
      {run ? <RunReport run={run} /> : null}
    </ActionModal>
  );
};

/** On the maintenance contracts' list: the batch that bills every contract due at a date, with its progress. */
export const ContractBillingButton = () => {
  const t = useFlowT();
  const { slug } = useParams<{ slug: string }>();
  const permissions = usePermissions();
  const required = useRBAC(requires);
  const [open, setOpen] = React.useState(false);
  if (slug !== CONTRACT_UID || !permissions.salesFlow) return null;
  if (required.isLoading || !Object.values(required.allowedActions).every(Boolean)) return null;
  const title = t('contractRun.title', 'Bill the contracts due');
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Play />} data-action="contract-billing">{title}</Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        {open ? <ContractBillingModal onClose={() => setOpen(false)} /> : null}
      </Modal.Content>
    </Modal.Root>
  );
};
