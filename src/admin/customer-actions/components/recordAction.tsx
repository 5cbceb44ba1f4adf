import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { CUSTOMER, PREFIX, usePermissions, usePrefixedT, type Permissions } from '../shared';

type Values = Record<string, any>;

interface RecordActionSpec {
  /** the content types whose edit view shows it (the customer record unless told) */
  models?: string[];
  /** message prefix of the label (this extension's unless told) */
  prefix?: string;
  /** message id and English label */
  label: [string, string];
  icon: React.ReactNode;
  /** the permission(s) that show it */
  allowed: (p: Permissions) => boolean;
  /** further permissions it needs, with their subject (the Content Manager's right on what it writes) */
  requires?: { action: string; subject: string }[];
  /** for which records (their saved values, and type) it shows */
  when?: (document: Values, model: string) => boolean;
  /** the modal's content: a stable component, given onClose */
  Content: React.ComponentType<{ onClose: () => void }>;
}

/**
 * One entry in a record's "more" menu opening a modal (the customer record's unless `models`
 * says otherwise); hidden on other types, on creation, and for admins without the permission.
 */
export const recordAction = (spec: RecordActionSpec): DocumentActionComponent => {
  // one array for the action's life: useRBAC checks again whenever it gets a new one
  const requires = spec.requires ?? [];
  const Action: DocumentActionComponent = ({ model, documentId, document }) => {
    const t = usePrefixedT(spec.prefix ?? PREFIX);
    const permissions = usePermissions();
    const required = useRBAC(requires);
    if (!(spec.models ?? [CUSTOMER]).includes(model) || !documentId || !document) return null;
    if (!spec.allowed(permissions) || (spec.when && !spec.when(document as Values, model))) return null;
    if (requires.length > 0 && (required.isLoading || !Object.values(required.allowedActions).every(Boolean))) return null;
    const label = t(spec.label[0], spec.label[1]);
    return {
      label,
      icon: spec.icon,
      position: 'header',
      dialog: { type: 'modal', title: label, content: spec.Content },
    };
  };
  Action.position = 'header';
  return Action;
};
