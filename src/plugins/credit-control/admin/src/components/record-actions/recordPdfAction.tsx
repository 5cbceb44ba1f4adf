import * as React from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useT } from '../../hooks/useT';
import { today } from '../../utils/reports';
import { FormError } from '../reports/FormError';
import { DateAndLanguage } from './DateAndLanguage';
import { partyReportAction, type PartyReportProps } from './partyReportAction';
import { useRecordPdf } from './useRecordPdf';

type Message = [id: string, english: string];

interface PdfSpec {
  /** `data-record-report` of the dialog */
  report: string;
  label: Message;
  icon: React.ReactNode;
  /** what it prints ({type} and {name} are the party's own words) */
  intro: Message;
  /** the criterion the date field sets, and its label */
  date: { name: 'asOf' | 'dueBefore'; label: Message };
  confirm: Message;
  /** the plugin route, its query and the file name when the server gives none */
  request: (documentId: string, date: string, locale: string) => { url: string; params: Record<string, string>; filename: string };
}

/** A PDF report of the party record as an entry of its "more actions" menu: a date, a language, a download. */
export const recordPdfAction = (spec: PdfSpec) => {
  const Dialog = ({ documentId, name, type, onClose }: PartyReportProps) => {
    const { t, locale: uiLocale } = useT();
    const { download, busy, error, errors } = useRecordPdf();
    const [date, setDate] = React.useState(today());
    const [locale, setLocale] = React.useState(uiLocale.startsWith('fr') ? 'fr' : 'en');
    const print = () => {
      const { url, params, filename } = spec.request(documentId, date, locale);
      void download(url, params, filename);
    };
    return (
      <>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-record-report={spec.report}>
            <FormError message={error} />
            <Typography>{t(spec.intro[0], spec.intro[1], { type, name })}</Typography>
            <DateAndLanguage name={spec.date.name} label={t(...spec.date.label)} date={date} setDate={setDate} locale={locale} setLocale={setLocale} errors={errors} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>{t('reports.cancel', 'Cancel')}</Button>
          <Button startIcon={<Download />} onClick={print} loading={busy}>{t(...spec.confirm)}</Button>
        </Modal.Footer>
      </>
    );
  };
  return partyReportAction({ label: spec.label, icon: spec.icon, Content: Dialog });
};
