import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { Option } from '../../hooks/useRelationOptions';

interface Common {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** the server's message for this field */
  error?: string;
  hint?: string;
}

/** A text or date criterion, with the server's error under it. */
export const InputField = ({ name, label, value, onChange, error, hint, type = 'text' }: Common & { type?: 'text' | 'date' }) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <TextInput type={type} value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** A choice among `options`; clearable unless `required`. */
export const SelectField = ({ name, label, value, onChange, error, hint, options, placeholder, required }: Common & { options: Option[]; placeholder?: string; required?: boolean }) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value || undefined}
      placeholder={placeholder}
      onClear={required ? undefined : () => onChange('')}
      onChange={(v: string | number) => onChange(String(v))}
    >
      {options.map((o) => (
        <SingleSelectOption key={o.value} value={o.value}>
          {o.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** A relation criterion: a select when the documents can be listed, else their document id. */
export const RelationField = ({ options, placeholder, ...props }: Common & { options: Option[] | null; placeholder: string }) =>
  options === null ? <InputField {...props} /> : <SelectField {...props} options={options} placeholder={placeholder} />;
