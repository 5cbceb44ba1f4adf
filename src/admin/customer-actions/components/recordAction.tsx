import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { CUSTOMER, usePermissions, useT, type Permissions } from '../shared';

type Values = Record<string, any>;

interface RecordActionSpec {
  /** message id and English label */
  label: [string, string];
  icon: React.ReactNode;
  /** the permission(s) that show it */
  allowed: (p: Permissions) => boolean;
  /** for which records (their saved values) it shows */
  when?: (document: Values) => boolean;
  /** the modal's content: a stable component, given onClose */
  Content: React.ComponentType<{ onClose: () => void }>;
}

/**
 * One entry in the customer record's "more" menu opening a modal; hidden on other types, on
 * creation, and for admins without the permission.
 */
export const recordAction = (spec: RecordActionSpec): DocumentActionComponent => {
  const Action: DocumentActionComponent = ({ model, documentId, document }) => {
    const t = useT();
    const permissions = usePermissions();
    if (model !== CUSTOMER || !documentId || !document) return null;
    if (!spec.allowed(permissions) || (spec.when && !spec.when(document as Values))) return null;
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
