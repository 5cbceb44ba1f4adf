import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { notifyCreditChanged } from '../hooks/useCreditSummary';
import { errorText, fieldErrors } from '../utils/format';
import { amountForInput, parseAmountInput } from '../utils/amount-input';
import { getTranslation } from '../utils/getTranslation';
import { HorizonField, parseHorizonInput } from './HorizonField';
import { OverdueRulesFields, overdueInputs, overdueRulesOf, type OverdueInputs } from './OverdueRulesFields';
import { CALL_TAKING, MODES, type CallTaking, type CreditMapping, type CreditSummary, type Mode } from '../utils/types';

interface Rules {
  mode: Mode;
  threshold: string;
  currency: string;
  gates: string[];
  buckets: string[];
  callTaking: CallTaking;
  group: boolean;
  capAtInsured: boolean;
  /** as typed: whole days, empty for none */
  horizonDays: string;
  /** the overdue rules as typed */
  overdue: OverdueInputs;
}

const toggle = (list: string[], item: string, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

/** Saves the party's policy: one upsert addressed by the party (created on the first edit). */
const useSaveRules = (party: string) => {
  const { put } = useFetchClient();
  return async ({ overdue: _typed, ...rules }: Omit<Rules, 'horizonDays'> & { horizonDays: number | null; overdueRules: unknown }) => {
    await put(`/credit-control/parties/${encodeURIComponent(party)}/policy`, { data: rules });
  };
};

const Checkboxes = ({ label, items, checked, onChange, prefix }: { label: string; items: string[]; checked: string[]; onChange: (next: string[]) => void; prefix: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Box>
      <Typography variant="sigma">{label}</Typography>
      <Grid.Root gap={2} paddingTop={2}>
        {items.map((item) => (
          <Grid.Item key={item} col={4} s={6}>
            <Checkbox name={`${prefix}.${item}`} checked={checked.includes(item)} onCheckedChange={(on: boolean | 'indeterminate') => onChange(toggle(checked, item, on === true))}>
              {formatMessage({ id: getTranslation(`${prefix}.${item}`), defaultMessage: item })}
            </Checkbox>
          </Grid.Item>
        ))}
      </Grid.Root>
    </Box>
  );
};

/** The blocking rules of one party (spec: mode, threshold, gates, buckets, call taking, group). */
export const RulesForm = ({ party, summary, mapping, onClose }: { party: string; summary: CreditSummary; mapping: CreditMapping; onClose: () => void }) => {
  const { formatMessage, locale } = useIntl();
  const { toggleNotification } = useNotification();
  const save = useSaveRules(party);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { policy } = summary;
  const [rules, setRules] = React.useState<Rules>({
    mode: policy.mode,
    threshold: amountForInput(policy.threshold, locale),
    currency: policy.currency,
    gates: policy.gates,
    buckets: policy.buckets,
    callTaking: policy.callTaking,
    group: policy.group,
    capAtInsured: Boolean(policy.capAtInsured),
    horizonDays: policy.horizonDays === null || policy.horizonDays === undefined ? '' : String(policy.horizonDays),
    overdue: overdueInputs(policy.overdueRules, locale),
  });
  const [error, setError] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const set = <K extends keyof Rules>(key: K, value: Rules[K]) => setRules((r) => ({ ...r, [key]: value }));

  const submit = async () => {
    setError(null);
    setErrors({});
    // what the clerk typed, in the admin's language ("7 000,50"), as the server's decimal string
    const threshold = parseAmountInput(rules.threshold, locale);
    if (threshold === null) {
      setErrors({ threshold: t('rules.thresholdInvalid', 'Type an amount, e.g. 7,000.50') });
      return;
    }
    const horizonDays = parseHorizonInput(rules.horizonDays);
    if (horizonDays === undefined) {
      setErrors({ horizonDays: t('rules.horizonInvalid', 'Type a whole number of days, or leave it empty') });
      return;
    }
    const overdue = overdueRulesOf(rules.overdue, locale);
    if ('wrong' in overdue) {
      setErrors({ [`overdueRules.${overdue.wrong}`]: t('rules.overdue.invalid', 'Type a whole number (an amount for the amount rule), or switch the rule off') });
      return;
    }
    setBusy(true);
    try {
      await save({ ...rules, threshold, horizonDays, overdueRules: overdue.rules });
      notifyCreditChanged();
      toggleNotification({ type: 'success', message: t('rules.saved', 'Blocking rules saved') });
      onClose();
    } catch (err) {
      setError(errorText(err));
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error ? <Typography textColor="danger600" role="alert">{error}</Typography> : null}
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name="mode" error={errors.mode}>
                <Field.Label>{t('rules.mode', 'Blocking mode')}</Field.Label>
                <SingleSelect value={rules.mode} onChange={(v: string | number) => set('mode', v as Mode)}>
                  {MODES.map((m) => <SingleSelectOption key={m} value={m}>{t(`mode.${m}`, m)}</SingleSelectOption>)}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name="threshold" error={errors.threshold} hint={t('rules.thresholdHint', 'Decimal amount, e.g. 7000.00')}>
                <Field.Label>{t('rules.threshold', 'Threshold')}</Field.Label>
                <TextInput value={rules.threshold} inputMode="decimal" onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('threshold', e.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name="currency" error={errors.currency}>
                <Field.Label>{t('rules.currency', 'Currency')}</Field.Label>
                <TextInput value={rules.currency} maxLength={3} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('currency', e.target.value.toUpperCase())} />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
          <Checkboxes label={t('rules.gates', 'Documents checked')} prefix="gate" items={mapping.gates} checked={rules.gates} onChange={(v) => set('gates', v)} />
          <Checkboxes label={t('rules.buckets', 'Amounts counted in the outstanding')} prefix="bucket" items={mapping.buckets} checked={rules.buckets} onChange={(v) => set('buckets', v)} />
          <Field.Root name="callTaking" error={errors.callTaking}>
            <Field.Label>{t('rules.callTaking', 'Call taking')}</Field.Label>
            <SingleSelect value={rules.callTaking} onChange={(v: string | number) => set('callTaking', v as CallTaking)}>
              {CALL_TAKING.map((c) => <SingleSelectOption key={c} value={c}>{t(`callTaking.${c}`, c)}</SingleSelectOption>)}
            </SingleSelect>
          </Field.Root>
          <Checkbox name="group" checked={rules.group} onCheckedChange={(on: boolean | 'indeterminate') => set('group', on === true)}>
            {t('rules.group', 'Count the affiliates of this group')}
          </Checkbox>
          <Checkbox name="capAtInsured" checked={rules.capAtInsured} onCheckedChange={(on: boolean | 'indeterminate') => set('capAtInsured', on === true)}>
            {t('rules.capAtInsured', 'Never above the insured amount')}
          </Checkbox>
          <HorizonField value={rules.horizonDays} error={errors.horizonDays} onChange={(v) => {
            set('horizonDays', v);
            setErrors(({ horizonDays: _fixed, ...rest }) => rest);
          }} />
          <OverdueRulesFields inputs={rules.overdue} errors={errors} onChange={(v) => {
            set('overdue', v);
            // a retyped rule's error goes (as the horizon's)
            setErrors((all) => Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('overdueRules'))));
          }} />
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>{t('action.cancel', 'Cancel')}</Button>
        <Button onClick={submit} loading={busy}>{t('action.save', 'Save')}</Button>
      </Modal.Footer>
    </>
  );
};
