import * as React from 'react';
import { Checkbox, Flex, Loader, Typography } from '@strapi/design-system';
import { CheckCircle, Briefcase } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useRecord, useRefreshRecord, useT } from '../shared';
import { ActionModal, refusalOf, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';

const ManageContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refresh = useRefreshRecord();
  const { documentId, model, values } = useRecord();
  const [replace, setReplace] = React.useState(false);
  const [refusal, setRefusal] = useRefusal();
  const manage = async () => {
    const { data } = await post<any>(`/customer-records/customers/${documentId}/accounting`, replace ? { replace: true } : {});
    refresh(model, documentId!);
    toggleNotification({
      type: 'success',
      message: data.meta?.changed
        ? t('accounting.done', 'Managed in accounting: subledger account {account}', { account: data.data?.subledgerAccount ?? '' })
        : t('accounting.unchanged', 'Already managed in accounting: nothing to change'),
    });
    onClose();
  };
  return (
    <ActionModal onClose={onClose} onConfirm={manage} confirmLabel={t('accounting.confirm', 'Manage in accounting')} refusal={refusal} setRefusal={setRefusal}>
      <Typography>{t('accounting.intro', 'Sets the subledger account of {name} from its code, under the company\'s accounting rule.', { name: values.callName ?? '' })}</Typography>
      {values.subledgerAccount ? (
        <Checkbox checked={replace} onCheckedChange={(v: boolean | 'indeterminate') => setReplace(v === true)}>
          {t('accounting.replace', 'Replace the current subledger account {account}', { account: values.subledgerAccount })}
        </Checkbox>
      ) : null}
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
