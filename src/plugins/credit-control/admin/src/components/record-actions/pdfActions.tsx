import { File, Mail } from '@strapi/icons';
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

/** "Print dunning letter" on the party record (reports.read): a preview, recording nothing. */
export const DunningLetterAction = recordPdfAction({
  report: 'dunning',
  label: ['record.dunning.title', 'Print dunning letter'],
  icon: <Mail />,
  intro: ['record.dunning.intro', 'Dunning letter of {name} ({type}) for its invoices due before the date (a preview: no dunning level is recorded).'],
  date: { name: 'dueBefore', label: ['reports.dueBefore', 'Invoices due before'] },
  confirm: ['record.dunning.confirm', 'Download the letter'],
  // the party by its documentId: a record without a code has its letter too
  request: (party, dueBefore, locale) => ({ url: '/credit-control/reports/dunning', params: { party, dueBefore, format: 'letter', locale }, filename: `dunning-${dueBefore}.pdf` }),
});
