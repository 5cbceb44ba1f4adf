import { File } from '@strapi/icons';
import { recordPdfAction } from './recordPdfAction';

/** "Print invoice statement" on the party record (reports.read). */
export const StatementAction = recordPdfAction({
  report: 'statement',
  label: ['record.statement.title', 'Print invoice statement'],
  icon: <File />,
  intro: ['record.statement.intro', 'Invoice statement of {name} ({type}): its open invoices and payments, aged as of the date.'],
  date: { name: 'asOf', label: ['reports.asOf', 'As of'] },
  confirm: ['record.statement.confirm', 'Download the PDF'],
  request: (party, asOf, locale) => ({ url: `/credit-control/reports/parties/${party}/statement`, params: { asOf, locale }, filename: `statement-${asOf}.pdf` }),
});
