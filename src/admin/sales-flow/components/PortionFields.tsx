import * as React from 'react';
import { Checkbox, Field, Flex, Radio, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFlowT, type PreviewLine } from '../flow';
import { useFormat } from '../format';
import { sentLines, type By, type PortionState } from '../portion';

interface Props {
  portions: By[];
  /** what is still free on each source line (the preview of "all that is left") */
  free: PreviewLine[];
  state: PortionState;
  onChange: (state: PortionState) => void;
  /** the server's field errors (`percentage`, `amount`, `lines.0.quantity`...) */
  errors: Record<string, string>;
}

/** How much to pass on: chosen lines and quantities, a percentage of every line, or an amount. */
export const PortionFields = ({ portions, free, state, onChange, errors }: Props) => {
  const t = useFlowT();
  const { quantity } = useFormat();
  // a line error names the line by its place among the lines sent
  const lineError = (sourceKey: string) => {
    const index = sentLines(state, free).findIndex((l) => l.sourceKey === sourceKey);
    return index < 0 ? undefined : errors[`lines.${index}.quantity`] ?? errors[`lines.${index}.sourceKey`];
  };
  const pick = (key: string, change: Partial<{ on: boolean; quantity: string }>) =>
    onChange({ ...state, picked: { ...state.picked, [key]: { ...state.picked[key], ...change } } });
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {portions.length > 1 ? (
        <Field.Root name="by" error={errors.by}>
          <Field.Label>{t('portion.by', 'Pass on')}</Field.Label>
          <Radio.Group value={state.by} onValueChange={(by: string) => onChange({ ...state, by: by as By })} aria-label={t('portion.by', 'Pass on')} style={{ flexDirection: 'row', gap: 24 }}>
            {portions.map((by) => (
              <Radio.Item key={by} value={by}>
                {t(`portion.${by}`, { quantity: 'Lines and quantities', percentage: 'A percentage', amount: 'An amount' }[by])}
              </Radio.Item>
            ))}
          </Radio.Group>
          <Field.Error />
        </Field.Root>
      ) : null}
      {state.by === 'quantity' && free.length > 0 ? (
        <Table colCount={4} rowCount={free.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('portion.take', 'Take')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.label', 'Line')}</Typography></Th>
              <Th><Typography variant="sigma">{t('portion.left', 'Left')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.quantity', 'Quantity')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {free.map((line) => {
              const key = line.sourceKey!;
              const picked = state.picked[key] ?? { on: false, quantity: '' };
              const label = line.label ?? key;
              return (
                <Tr key={key} data-portion-line={key}>
                  <Td>
                    <Checkbox aria-label={t('portion.takeLine', 'Take {line}', { line: label })} checked={picked.on} onCheckedChange={(on: boolean | 'indeterminate') => pick(key, { on: on === true })} />
                  </Td>
                  <Td><Typography>{label}</Typography></Td>
                  <Td><Typography>{quantity(line.quantity)}</Typography></Td>
                  <Td>
                    <Field.Root name={`quantity-${key}`} error={lineError(key)}>
                      <TextInput
                        aria-label={t('portion.quantityOf', 'Quantity of {line}', { line: label })}
                        value={picked.quantity}
                        disabled={!picked.on}
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) => pick(key, { quantity: e.target.value })}
                      />
                      <Field.Error />
                    </Field.Root>
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      ) : null}
      {state.by === 'percentage' ? (
        <Field.Root name="percentage" error={errors.percentage} hint={t('portion.percentage.hint', 'Of each line’s quantity, at most what is left on it')}>
          <Field.Label>{t('portion.percentage.label', 'Percentage')}</Field.Label>
          <TextInput value={state.percentage} endAction={<Typography>%</Typography>} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...state, percentage: e.target.value })} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      ) : null}
      {state.by === 'amount' ? (
        <Field.Root name="amount" error={errors.amount} hint={t('portion.amount.hint', 'Excluding tax, spread over the lines in proportion to what is left on them')}>
          <Field.Label>{t('portion.amount.label', 'Amount excl. tax')}</Field.Label>
          <TextInput value={state.amount} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...state, amount: e.target.value })} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      ) : null}
    </Flex>
  );
};
