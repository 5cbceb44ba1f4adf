import { Box, Flex } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { REPORT_LOCALES } from '../../utils/reports';
import { InputField, SelectField } from '../reports/Fields';

/** The date a record's report is drawn for and its language, with the server's errors on them. */
export const DateAndLanguage = ({ name, label, date, setDate, locale, setLocale, errors }: {
  name: 'asOf' | 'dueBefore';
  label: string;
  date: string;
  setDate: (value: string) => void;
  locale: string;
  setLocale: (value: string) => void;
  errors: Record<string, string>;
}) => {
  const { t } = useT();
  return (
    <Flex gap={4} alignItems="flex-start">
      <Box flex="1">
        <InputField name={name} type="date" label={label} value={date} onChange={setDate} error={errors[name]} />
      </Box>
      <Box flex="1">
        <SelectField name="locale" required label={t('reports.locale', 'Report language')} value={locale} onChange={setLocale} error={errors.locale} options={REPORT_LOCALES.map((l) => ({ value: l, label: t(`reports.locale.${l}`, l) }))} />
      </Box>
    </Flex>
  );
};
