import * as React from 'react';
import { Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { File, Mail } from '@strapi/icons';
import { useRecord, useT } from '../shared';
import { ActionModal, useRefusal } from './ActionModal';
import { usePdfDownload } from './pdf';
import { recordAction } from './recordAction';

const today = () => new Date().toISOString().slice(0, 10);

/** Date and report language, shared by the statement and the dunning letter. */
export const CriteriaFields = ({ date, setDate, dateLabel, locale, setLocale, errors }: {
  date: string;
  setDate: (v: string) => void;
  dateLabel: string;
  locale: string;
  setLocale: (v: string) => void;
  errors: Record<string, string>;
}) => {
  const t = useT();
  return (
    <Flex gap={3} alignItems="flex-start">
      <Field.Root name="asOf" error={errors.asOf ?? errors.dueBefore} style={{ flex: 1 }}>
        <Field.Label>{dateLabel}</Field.Label>
        <TextInput type="date" value={date} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDate(e.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root name="locale" error={errors.locale} style={{ flex: 1 }}>
        <Field.Label>{t('reports.locale', 'Language of the document')}</Field.Label>
        <SingleSelect value={locale} onChange={(v: string | number) => setLocale(String(v))}>
          <SingleSelectOption value="fr">Français</SingleSelectOption>
          <SingleSelectOption value="en">English</SingleSelectOption>
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </Flex>
  );
};

const StatementContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const download = usePdfDownload();
  const { documentId, values } = useRecord();
  const [asOf, setAsOf] = React.useState(today());
  const [locale, setLocale] = React.useState('fr');
  const [refusal, setRefusal] = useRefusal();
  const print = async () => {
    await download(`/credit-control/reports/parties/${documentId}/statement`, { asOf, locale }, `statement-${values.code || documentId}-${asOf}.pdf`);
  };
  return (
    <ActionModal onClose={onClose} onConfirm={print} confirmLabel={t('statement.confirm', 'Download the PDF')} refusal={refusal} setRefusal={setRefusal}>
      <Typography>{t('statement.intro', 'Invoice statement of {name}: its open invoices and payments.', { name: values.callName ?? '' })}</Typography>
      <CriteriaFields date={asOf} setDate={setAsOf} dateLabel={t('reports.asOf', 'As of')} locale={locale} setLocale={setLocale} errors={refusal?.fields ?? {}} />
    </ActionModal>
  );
};

const DunningLetterContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const download = usePdfDownload();
  const { documentId, values } = useRecord();
  const [dueBefore, setDueBefore] = React.useState(today());
  const [locale, setLocale] = React.useState('fr');
  const [refusal, setRefusal] = useRefusal();
  const code: string = values.code ?? '';
  const print = async () => {
    // the dunning report selects parties by code range: this record's code alone
    await download('/credit-control/reports/dunning', { codeFrom: code, codeTo: code, dueBefore, format: 'letter', locale }, `dunning-${code || documentId}-${dueBefore}.pdf`);
  };
  return (
    <ActionModal onClose={onClose} onConfirm={code ? print : undefined} confirmLabel={t('dunning.confirm', 'Download the letter')} refusal={refusal} setRefusal={setRefusal}>
      <Typography>
        {code
          ? t('dunning.intro', 'Dunning letter of {name} for its invoices due before the date (a preview: no dunning level is recorded).', { name: values.callName ?? '' })
          : t('dunning.noCode', 'This record has no code: the dunning letter selects customers by code.')}
      </Typography>
      <CriteriaFields date={dueBefore} setDate={setDueBefore} dateLabel={t('reports.dueBefore', 'Due before')} locale={locale} setLocale={setLocale} errors={refusal?.fields ?? {}} />
    </ActionModal>
  );
};

export const StatementAction = recordAction({
  label: ['statement.title', 'Print invoice statement'],
  icon: <File />,
  allowed: (p) => p.reportsRead,
  Content: StatementContent,
});

export const DunningLetterAction = recordAction({
  label: ['dunning.title', 'Print dunning letter'],
  icon: <Mail />,
  allowed: (p) => p.reportsRead,
  when: (doc) => doc.kind === 'customer',
  Content: DunningLetterContent,
});
