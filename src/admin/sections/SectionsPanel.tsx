import { Flex, Typography } from '@strapi/design-system';
import { unstable_useDocumentLayout as useDocumentLayout, type PanelComponent } from '@strapi/content-manager/strapi-admin';
import { styled } from 'styled-components';
import { labelsOf, useLabels } from '../labels';
import { usePrefixedT } from '../customer-actions/shared';
import { reachField } from './reach';
import { sectionEntries, shownFields, type LayoutField, type SectionEntry } from './sections';

const useT = () => usePrefixedT('sections.');

const Jump = styled.button`
  display: flex;
  width: 100%;
  align-items: baseline;
  gap: ${({ theme }) => theme.spaces[2]};
  padding: ${({ theme }) => `${theme.spaces[1]} ${theme.spaces[2]}`};
  border: 0;
  border-radius: ${({ theme }) => theme.borderRadius};
  background: transparent;
  cursor: pointer;
  text-align: left;
  &:hover,
  &:focus-visible {
    background: ${({ theme }) => theme.colors.primary100};
  }
`;

const SectionList = ({ model, entries }: { model: string; entries: SectionEntry[] }) => {
  const t = useT();
  const { text, fieldLabel } = useLabels();
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={1} width="100%" data-sections={model}>
      {entries.map((entry, index) => (
        <li key={entry.fields[0]}>
          <Jump
            type="button"
            title={t('go', 'Go to the {section} section', { section: text(entry.title) })}
            data-section={entry.fields[0]}
            onClick={() => reachField(entry.fields, (field) => fieldLabel(model, field))}
          >
            <Typography variant="pi" textColor="neutral500">{index + 1}</Typography>
            <Typography variant="omega" fontWeight="semiBold" textColor="primary700" data-section-title>
              {text(entry.title)}
            </Typography>
            <Typography variant="pi" textColor="neutral600" style={{ marginLeft: 'auto', whiteSpace: 'nowrap' }}>
              {t('fields', '{count, plural, one {# field} other {# fields}}', { count: entry.fields.length })}
            </Typography>
          </Jump>
        </li>
      ))}
    </Flex>
  );
};

/** The record sheet's sections (its label file's), in the form's order: a click brings the section's first field into view. */
export const SectionsPanel: PanelComponent = ({ model }) => {
  const t = useT();
  const { edit } = useDocumentLayout(model);
  const labels = labelsOf(model);
  const entries = labels ? sectionEntries(labels, shownFields(edit.layout as LayoutField[][][])) : [];
  if (entries.length < 2) return null;
  return { title: t('title', 'Sections'), content: <SectionList model={model} entries={entries} /> };
};
