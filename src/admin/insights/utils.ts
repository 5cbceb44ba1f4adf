import { useIntl } from 'react-intl';

export const CUSTOMER_UID = 'api::customer.customer';
export const READ_PERMISSIONS = [{ action: 'api::customer-records.read', subject: null }];

/** Pages of the 360 view and dashboard (under the admin's base path). */
export const overviewPath = (documentId: string) => `/customer-insights/${documentId}/overview`;
export const dashboardPath = (documentId: string) => `/customer-insights/${documentId}/dashboard`;
/** The Content Manager edit view of a document (one definition for the app's admin). */
export { editViewPath } from '../customer-actions/shared';

/** `t('section.sales', 'Sales')` reads `insights.section.sales`. */
export const useT = () => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: `insights.${id}`, defaultMessage }, values);
  return { t, locale };
};

/** The server's own text of a failed admin request. */
export const errorText = (error: unknown): string => {
  const e = error as { response?: { data?: { error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } } } }; message?: string };
  const body = e?.response?.data?.error;
  if (!body) return e?.message ?? String(error);
  const fields = (body.details?.errors ?? []).map((f) => `${(f.path ?? []).join('.')}: ${f.message}`);
  // a field error the message already says is not repeated
  const extra = fields.filter((f) => !body.message?.endsWith(f.slice(f.indexOf(': ') + 2)));
  return [body.message, ...extra].filter(Boolean).join(' — ');
};

/** A file name safe on every system: "ACME-billing-by-family-2026-11-28.png". */
export const fileName = (...parts: (string | null | undefined)[]) =>
  `${parts
    .filter(Boolean)
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')}.png`;
