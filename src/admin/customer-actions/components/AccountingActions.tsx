import * as React from 'react';
import { Flex, Loader, Typography } from '@strapi/design-system';
import { CheckCircle, Briefcase } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useRecord, useRefreshRecord, useT } from '../shared';
import { ActionModal, refusalOf, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

/** GET …/accounting/preview: what "Manage in accounting" will do (src/domain/accounting.ts planAccounting). */
interface AccountingPreview {
  customer: { code: string | null; callName: string };
  rule: { prefix: string; length: number };
  plan:
    | { ok: false; field: string; reason: string; holders?: string[] }
    | { ok: true; change: 'set' | 'replace' | 'none'; current: string | null; account: string; generalAccount: string | null };
}

/** The preview in a clerk's words: what will be created or replaced, and what stays as it is. */
const PlanText = ({ preview }: { preview: AccountingPreview }) => {
  const t = useT();
  const { customer, rule, plan } = preview;
  const name = customer.callName;
  if (!plan.ok) {
    const why: Record<string, string> = {
      kind: t('accounting.refused.kind', '{name} is a prospect: convert it into a customer before managing it in accounting.', { name }),
      notBooked: t('accounting.refused.notBooked', '{name} is marked "not booked": untick it on the record first.', { name }),
      code: t('accounting.refused.code', 'The customer code {code} does not fit in an account of {length} characters starting with {prefix}: shorten the code or ask for the company rule to be widened.', { code: customer.code ?? '', length: rule.length, prefix: rule.prefix }),
      subledgerAccount: t('accounting.refused.used', 'The account built from the code is already used by {holders}: nothing can be changed until that is sorted out.', { holders: (plan.holders ?? []).join(', ') }),
    };
    return <Typography textColor="danger600" data-accounting-plan="refused">{why[plan.field] ?? plan.reason}</Typography>;
  }
  const built = t('accounting.built', 'built from the customer code {code} (prefix {prefix}, {length} characters)', { code: customer.code ?? '', prefix: rule.prefix, length: rule.length });
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-accounting-plan={plan.change}>
      {plan.change === 'set' ? <Typography>{t('accounting.willSet', '{name} will get the subledger account {account}, {built}.', { name, account: plan.account, built })}</Typography> : null}
      {plan.change === 'replace' ? (
        <>
          <Typography>{t('accounting.willReplace', '{name} has the subledger account {current}, which does not follow the company rule. It will be replaced by {account}, {built}.', { name, current: plan.current ?? '', account: plan.account, built })}</Typography>
          <Typography textColor="neutral600">{t('accounting.replaceNote', 'Only this record changes: entries already posted to {current} in the accounting software are not moved.', { current: plan.current ?? '' })}</Typography>
        </>
      ) : null}
      {plan.change === 'none' ? <Typography>{t('accounting.alreadyRight', '{name} already has the right subledger account, {account}.', { name, account: plan.account })}</Typography> : null}
      {plan.generalAccount ? <Typography>{t('accounting.willSetGeneral', 'Its empty general account will be set to {account}.', { account: plan.generalAccount })}</Typography> : null}
      {plan.change === 'none' && !plan.generalAccount ? <Typography textColor="neutral600">{t('accounting.nothingToDo', 'Nothing to change.')}</Typography> : null}
    </Flex>
  );
};

const ManageContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refresh = useRefreshRecord();
  const { documentId, model } = useRecord();
  const [preview, setPreview] = React.useState<AccountingPreview | null>(null);
  const [refusal, setRefusal] = useRefusal();
  React.useEffect(() => {
    let live = true;
    get<{ data: AccountingPreview }>(`/customer-records/customers/${documentId}/accounting/preview`)
      .then(({ data }) => live && setPreview(data.data))
      .catch((e) => live && setRefusal(refusalOf(e)));
    return () => {
      live = false;
    };
  }, [documentId, get, setRefusal]);
  const plan = preview?.plan;
  const manage = async () => {
    // the clerk confirms what the preview said: a replacement is sent as such
    const { data } = await post<any>(`/customer-records/customers/${documentId}/accounting`, plan?.ok && plan.change === 'replace' ? { replace: true } : {});
    refresh(model, documentId!);
    toggleNotification({
      type: 'success',
      message: data.meta?.changed
        ? t('accounting.done', 'Managed in accounting: subledger account {account}', { account: data.data?.subledgerAccount ?? '' })
        : t('accounting.unchanged', 'Already managed in accounting: nothing to change'),
    });
    onClose();
  };
  const confirmLabel = !plan?.ok
    ? undefined
    : plan.change === 'replace'
      ? t('accounting.confirmReplace', 'Replace {current} with {account}', { current: plan.current ?? '', account: plan.account })
      : plan.change === 'set'
        ? t('accounting.confirmSet', 'Create account {account}', { account: plan.account })
        : plan.generalAccount
          ? t('accounting.confirmGeneral', 'Set general account {account}', { account: plan.generalAccount })
          : undefined;
  return (
    <ActionModal onClose={onClose} onConfirm={confirmLabel ? manage : undefined} confirmLabel={confirmLabel} refusal={refusal} setRefusal={setRefusal}>
      {!preview && !refusal ? <Loader small /> : null}
      {preview ? <PlanText preview={preview} /> : null}
    </ActionModal>
  );
};

interface Consistency {
  consistent: boolean;
  expected: string | null;
  issues: { field: string; code: string; message: string }[];
}

const ConsistencyContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { get } = useFetchClient();
  const { documentId } = useRecord();
  const [result, setResult] = React.useState<Consistency | null>(null);
  const [refusal, setRefusal] = useRefusal();
  React.useEffect(() => {
    let live = true;
    get<any>(`/customer-records/customers/${documentId}/accounting/consistency`)
      .then(({ data }) => live && setResult(data.data))
      .catch((e) => live && setRefusal(refusalOf(e)));
    return () => {
      live = false;
    };
  }, [documentId, get, setRefusal]);
  return (
    <ActionModal onClose={onClose} refusal={refusal} setRefusal={setRefusal}>
      {!result && !refusal ? <Loader small /> : null}
      {result ? (
        <Flex direction="column" alignItems="stretch" gap={2} data-consistent={String(result.consistent)}>
          <Typography fontWeight="bold" textColor={result.consistent ? 'success600' : 'danger600'}>
            {result.consistent ? t('consistency.ok', 'Consistent with the subledger accounts.') : t('consistency.issues', '{count} mismatch(es):', { count: result.issues.length })}
          </Typography>
          {result.issues.map((issue) => (
            <Typography key={issue.code} tag="p" data-issue={issue.code}>
              • {issue.message}
            </Typography>
          ))}
          {result.expected ? <Typography textColor="neutral600">{t('consistency.expected', 'Expected subledger account: {account}', { account: result.expected })}</Typography> : null}
        </Flex>
      ) : null}
    </ActionModal>
  );
};

export const ManageAccountingAction = recordAction({
  label: ['accounting.title', 'Manage in accounting'],
  icon: <Briefcase />,
  allowed: (p) => p.accounting,
  Content: ManageContent,
});

export const ConsistencyAction = recordAction({
  label: ['consistency.title', 'Check accounting consistency'],
  icon: <CheckCircle />,
  allowed: (p) => p.read,
  Content: ConsistencyContent,
});
