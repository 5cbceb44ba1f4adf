import * as React from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { usePartyLookup } from '../hooks/usePartyLookup';
import { useT } from '../hooks/useT';
import { partyText } from '../utils/partyWords';

export interface PickedParty {
  /** the chosen party's documentId, or '' while only text is typed */
  party: string;
  /** what is typed (or the chosen party's "code – name") */
  text: string;
}

interface Props {
  name: string;
  label: string;
  value: PickedParty;
  onChange: (value: PickedParty) => void;
}

/**
 * A party found by part of its code or name (the plugin's own lookup, case and accents ignored):
 * picking one filters on it; text typed and not picked is searched as it is.
 */
export const PartyPicker = ({ name, label, value, onChange }: Props) => {
  const { t } = useT();
  // what was typed last: picking a party (its "code – name" shown) keeps the list it was picked from
  const [query, setQuery] = React.useState(value.party ? '' : value.text);
  const { parties, loading } = usePartyLookup(query);
  return (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        autocomplete="none"
        value={value.party || undefined}
        onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          setQuery(e.target.value);
          onChange({ party: '', text: e.target.value });
        }}
        onChange={(picked?: string) => {
          const found = parties.find((p) => p.party === picked);
          onChange(found ? { party: found.party, text: partyText(found.code, found.name, found.party) } : { party: '', text: value.text });
        }}
        onClear={() => {
          setQuery('');
          onChange({ party: '', text: '' });
        }}
        loading={loading}
        placeholder={t('audit.partySearch', 'Type a code or a name')}
        noOptionsMessage={() => t('audit.partyNone', 'No customer found')}
      >
        {parties.map((p) => (
          <ComboboxOption key={p.party} value={p.party}>
            {partyText(p.code, p.name, p.party)}
          </ComboboxOption>
        ))}
      </Combobox>
    </Field.Root>
  );
};
