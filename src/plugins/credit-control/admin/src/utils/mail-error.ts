import { errorStatus, errorText } from './format';

type T = (id: string, english: string, values?: Record<string, string | number>) => string;

// the plugin's codes for a mail server's failure (server core/smtp-failure.ts), each with its text in en.json / fr.json
const SMTP: Record<string, string> = {
  smtpRefused: 'The email could not be sent: the mail server {server} refused the connection.',
  smtpUnknownHost: 'The email could not be sent: the mail server {server} is not known (check its name).',
  smtpNoAnswer: 'The email could not be sent: the mail server {server} did not answer in time.',
  smtpLoginRefused: 'The email could not be sent: the mail server {server} refused the login (check the SMTP user and password).',
  smtpRecipientsRefused: 'The email could not be sent: the mail server {server} refused the sender or the recipients.',
  smtpFailed: 'The email could not be sent: the mail server {server} answered with an error.',
};

/**
 * A failed dunning request in the admin's words: a mail server's failure (502) from its code, in the
 * admin's language whatever the server wrote; any other refusal as the server worded it (it answers
 * in the admin's language: utils/admin-locale-header.ts). The raw SMTP error never shows.
 */
export const dunningErrorText = (t: T, error: unknown): string => {
  const details = (error as { response?: { data?: { error?: { details?: { code?: string; server?: string } } } } })?.response?.data?.error?.details;
  const code = details?.code;
  if (errorStatus(error) === 502 && code) {
    const said = SMTP[code] ? t(`reports.email.error.${code}`, SMTP[code], { server: details?.server ?? 'SMTP' }) : t('reports.email.error.smtpFailed', SMTP.smtpFailed, { server: details?.server ?? 'SMTP' });
    return `${said} ${t('reports.email.nothingRecorded', 'Nothing was recorded.')}`;
  }
  return errorText(error);
};
