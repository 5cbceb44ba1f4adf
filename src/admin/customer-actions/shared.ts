// Helpers shared by the record's actions: messages, permissions, refresh.
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
export interface Permissions {
  read: boolean;
  convert: boolean;
  transfer: boolean;
  linkedSupplier: boolean;
  accounting: boolean;
  identify: boolean;
  createObjects: boolean;
  salesFlow: boolean;
}

/** The "Customer records" permissions of the signed-in admin. */
export const usePermissions = (): Permissions => {
  const records = useRBAC(RECORD_PERMISSIONS).allowedActions;
  return {
    read: Boolean(records.canRead),
    convert: Boolean(records.canConvert),
    transfer: Boolean(records.canTransfer),
    linkedSupplier: Boolean(records.canLinkedSupplier),
    accounting: Boolean(records.canAccounting),
    identify: Boolean(records.canIdentify),
    createObjects: Boolean(records.canCreateObjects),
    salesFlow: Boolean(records.canSalesFlow),
  };
};
