import { Box, Flex, Table, Tbody, Td, Th, Thead, Toggle, Tr, Typography, Field } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NotConfigured } from '../components/NotConfigured';
import { useCreditStatus } from '../hooks/useCreditStatus';
import { usePreferences } from '../hooks/usePreferences';
import { errorText } from '../utils/format';
import { getTranslation } from '../utils/getTranslation';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">{title}</Typography>
      {children}
    </Flex>
  </Box>
);

const Pair = ({ label, value }: { label: string; value: string }) => (
  <Flex gap={2}>
    <Typography fontWeight="bold">{label}</Typography>
    <Typography data-credit-setting={label}>{value}</Typography>
  </Flex>
);

/** The mapping as the plugin sees it, the default policy, and this user's preference. */
const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const { status, unconfigured, error } = useCreditStatus();
  const { prefs, update } = usePreferences();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const title = t('settings.title', 'Credit control');
  if (error) return <Page.Error content={errorText(error)} />;
  if (unconfigured) {
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} subtitle={`${unconfigured.plugin} ${unconfigured.version}`} />
        <Layouts.Content><NotConfigured status={unconfigured} /></Layouts.Content>
      </Page.Main>
    );
  }
  if (!status) return <Page.Loading />;
  const { mapping } = status;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={`${status.plugin} ${status.version}`} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title={t('settings.preferences', 'My preferences')}>
            <Field.Root name="showBlockingRules" hint={t('settings.showRulesHint', 'Adds "Blocking rules" to the customer\'s action menu (stored in this browser, for you only)')}>
              <Field.Label>{t('settings.showRules', 'Show the blocking rules')}</Field.Label>
              <Toggle
                onLabel={t('settings.on', 'On')}
                offLabel={t('settings.off', 'Off')}
                checked={prefs.showBlockingRules}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => update({ showBlockingRules: e.target.checked })}
              />
              <Field.Hint />
            </Field.Root>
          </Section>
          <Section title={t('settings.defaultPolicy', 'Default policy (customers without rules)')}>
            <Pair label={t('panel.mode', 'Mode')} value={t('mode.none', 'none')} />
            <Pair label={t('panel.threshold', 'Threshold')} value={`0.00 ${mapping.currency}`} />
            <Pair label={t('rules.gates', 'Documents checked')} value={mapping.gates.map((g) => t(`gate.${g}`, g)).join(', ')} />
            <Pair label={t('rules.buckets', 'Amounts counted in the outstanding')} value={mapping.buckets.map((b) => t(`bucket.${b}`, b)).join(', ')} />
          </Section>
          <Section title={t('settings.mapping', 'Mapping')}>
            <Pair label={t('settings.party', 'Party type')} value={mapping.party} />
            <Pair label={t('settings.currency', 'Default currency')} value={mapping.currency} />
            <Table colCount={3} rowCount={mapping.documents.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('settings.document', 'Document type')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('settings.gate', 'Gate')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('settings.bucket', 'Bucket')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {mapping.documents.map((d) => (
                  <Tr key={d.uid}>
                    <Td><Typography>{d.uid}</Typography></Td>
                    <Td><Typography>{d.gate ?? '-'}</Typography></Td>
                    <Td><Typography>{d.bucket ?? '-'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default SettingsPage;
