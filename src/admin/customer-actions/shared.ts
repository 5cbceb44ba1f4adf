// Helpers shared by the record's actions: messages, server errors, permissions, refresh.
import * as React from 'react';
import { adminApi, useRBAC } from '@strapi/strapi/admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useDispatch } from 'react-redux';

export const CUSTOMER = 'api::customer.customer';
export const PREFIX = 'customer-actions.';

/** `t('title', 'Default')` reading `${prefix}title`: one extension's messages. */
export const usePrefixedT = (prefix: string) => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: `${prefix}${id}`, defaultMessage }, values),
    [formatMessage, prefix]
  );
};

/** `t('convert.title', 'Convert to customer')`: this extension's messages, prefixed. */
export const useT = () => usePrefixedT(PREFIX);

type ErrorBody = { response?: { status?: number; data?: { error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } } } }; message?: string };

/** The server's own text of a refused request (the 4xx/5xx body's error.message). */
export const errorText = (error: unknown): string => {
  const e = error as ErrorBody;
  return e?.response?.data?.error?.message ?? e?.message ?? String(error);
};

/** The server's per-field messages (details.errors[].path joined with '.'), first one per field. */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const item of (error as ErrorBody)?.response?.data?.error?.details?.errors ?? []) {
    const key = (item.path ?? []).join('.');
    if (key && item.message && !out[key]) out[key] = item.message;
  }
  return out;
};

/** The Content Manager edit view of a document (router path, under /admin). */
export const editViewPath = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

/** The record the edit view shows: its documentId and its saved values. */
export const useRecord = () => {
  const { id, model, form } = useContentManagerContext();
  const values = ((form as { initialValues?: Record<string, any> } | undefined)?.initialValues ?? {}) as Record<string, any>;
  return { documentId: id, model, values };
};

/**
 * Re-reads the record in the edit view: the Content Manager caches documents (RTK Query tag
 * `Document`), and the form resets to the new values when they arrive.
 */
export const useRefreshRecord = () => {
  const dispatch = useDispatch();
  return React.useCallback(
    (model: string, documentId: string) =>
      dispatch((adminApi.util.invalidateTags as (tags: unknown[]) => any)([{ type: 'Document', id: `${model}_${documentId}` }])),
    [dispatch]
  );
};

// Module-level so that useRBAC does not re-check on each render.
const RECORD_PERMISSIONS = ['read', 'convert', 'transfer', 'linked-supplier', 'accounting', 'identify', 'create-objects', 'sales-flow'].map((a) => ({
  action: `api::customer-records.${a}`,
  subject: null,
}));
const REPORT_PERMISSIONS = [
  { action: 'plugin::credit-control.reports.read', subject: null },
  { action: 'plugin::credit-control.reports.dun', subject: null },
];

export interface Permissions {
  read: boolean;
  convert: boolean;
  transfer: boolean;
  linkedSupplier: boolean;
  accounting: boolean;
  identify: boolean;
  createObjects: boolean;
  salesFlow: boolean;
  reportsRead: boolean;
  reportsDun: boolean;
}

/** The "Customer records" and credit-control report permissions of the signed-in admin. */
export const usePermissions = (): Permissions => {
  const records = useRBAC(RECORD_PERMISSIONS).allowedActions;
  const reports = useRBAC(REPORT_PERMISSIONS).allowedActions;
  return {
    read: Boolean(records.canRead),
    convert: Boolean(records.canConvert),
    transfer: Boolean(records.canTransfer),
    linkedSupplier: Boolean(records.canLinkedSupplier),
    accounting: Boolean(records.canAccounting),
    identify: Boolean(records.canIdentify),
    createObjects: Boolean(records.canCreateObjects),
    salesFlow: Boolean(records.canSalesFlow),
    reportsRead: Boolean(reports.canRead),
    reportsDun: Boolean(reports.canDun),
  };
};

/** Saves a Blob as a file through a temporary link (the browser's download). */
export const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
