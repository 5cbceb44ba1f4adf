import * as React from 'react';
import { Box, Field, Grid, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { amountForInput, parseAmountInput } from '../utils/amount-input';
import { getTranslation } from '../utils/getTranslation';
import type { OverdueRules } from '../utils/types';

const RULES = ['oldestDays', 'amount', 'dunningLevel'] as const;
type Rule = (typeof RULES)[number];
const ACTIONS = ['off', 'alert', 'block'] as const;
/** One rule as typed: its limit (days, an amount in the admin's language, a level) and its action. */
export type OverdueInputs = Record<Rule, { value: string; action: (typeof ACTIONS)[number] }>;

/** The stored rules as the form shows them. */
export const overdueInputs = (rules: OverdueRules | null | undefined, locale: string): OverdueInputs => ({
  oldestDays: { value: rules?.oldestDays ? String(rules.oldestDays.days) : '', action: rules?.oldestDays?.action ?? 'off' },
  amount: { value: rules?.amount ? amountForInput(rules.amount.amount, locale) : '', action: rules?.amount?.action ?? 'off' },
  dunningLevel: { value: rules?.dunningLevel ? String(rules.dunningLevel.level) : '', action: rules?.dunningLevel?.action ?? 'off' },
});

/** What the form sends (`overdueRules`), or the field that is not a number. A rule switched off is left out. */
export const overdueRulesOf = (inputs: OverdueInputs, locale: string): { rules: OverdueRules | null } | { wrong: Rule } => {
  const rules: OverdueRules = {};
  for (const rule of RULES) {
    const { value, action } = inputs[rule];
    if (action === 'off') continue;
    if (rule === 'amount') {
      const amount = parseAmountInput(value, locale);
      if (amount === null) return { wrong: rule };
      rules.amount = { amount, action };
    } else if (!/^\d{1,4}$/.test(value.trim())) return { wrong: rule };
    else if (rule === 'oldestDays') rules.oldestDays = { days: Number(value.trim()), action };
    else rules.dunningLevel = { level: Number(value.trim()), action };
  }
  return { rules: Object.keys(rules).length > 0 ? rules : null };
};

/** The rules form's overdue rules: each a limit and alert or block, beside the amount threshold. */
export const OverdueRulesFields = ({ inputs, errors, onChange }: { inputs: OverdueInputs; errors: Record<string, string>; onChange: (next: OverdueInputs) => void }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const labels: Record<Rule, string> = {
    oldestDays: t('rules.overdue.oldestDays', 'Oldest unpaid invoice late by more than (days)'),
    amount: t('rules.overdue.amount', 'Amount past due above'),
    dunningLevel: t('rules.overdue.dunningLevel', 'Dunning level reached (1, 2, 3…)'),
  };
  return (
    <Box data-credit-overdue-rules>
      <Typography variant="sigma">{t('rules.overdue', 'Overdue rules')}</Typography>
      <Grid.Root gap={2} paddingTop={2}>
        {RULES.map((rule) => (
          <React.Fragment key={rule}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <Field.Root name={`overdueRules.${rule}`} error={errors[`overdueRules.${rule}`] ?? errors[`overdueRules.${rule}.${rule === 'oldestDays' ? 'days' : rule === 'amount' ? 'amount' : 'level'}`]}>
                <Field.Label>{labels[rule]}</Field.Label>
                <TextInput value={inputs[rule].value} inputMode={rule === 'amount' ? 'decimal' : 'numeric'} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...inputs, [rule]: { ...inputs[rule], value: e.target.value } })} />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name={`overdueRules.${rule}.action`}>
                <Field.Label>{t('rules.overdue.action', 'Then')}</Field.Label>
                <SingleSelect value={inputs[rule].action} onChange={(v: string | number) => onChange({ ...inputs, [rule]: { ...inputs[rule], action: v as OverdueInputs[Rule]['action'] } })}>
                  {ACTIONS.map((a) => <SingleSelectOption key={a} value={a}>{t(`rules.overdue.${a}`, a)}</SingleSelectOption>)}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
          </React.Fragment>
        ))}
      </Grid.Root>
    </Box>
  );
};
