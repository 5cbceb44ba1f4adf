import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useMappedRole } from '../../hooks/useCreditStatus';
import { useReportsPermissions } from '../../hooks/useReportsPermissions';
import { useT } from '../../hooks/useT';
import { partyWords } from '../../utils/partyWords';

/** What a record's report dialog is given: the party, in its own words. */
export interface PartyReportProps {
  documentId: string;
  /** the party's name (config `party.labelField`) */
  name: string;
  /** its code (config `party.codeField`), '' when none */
  code: string;
  /** the party type's display name */
  type: string;
  onClose: () => void;
}

interface Spec {
  /** message id and English label (also the dialog's title) */
  label: [string, string];
  icon: React.ReactNode;
  /** reports.read shows it; with `dun`, reports.dun too */
  dun?: boolean;
  Content: React.ComponentType<PartyReportProps>;
}

/**
 * One entry of the party record's "more actions" menu (the mapped party type only, from the
 * plugin's status), opening a modal; hidden on creation and from users without the report permission.
 */
export const partyReportAction = (spec: Spec): DocumentActionComponent => {
  const Action: DocumentActionComponent = ({ model, documentId, document }) => {
    const { t } = useT();
    const { isParty, status } = useMappedRole(model);
    const { canRead, canDun } = useReportsPermissions();
    const words = status && documentId && document ? partyWords(status.mapping, { ...document, documentId }) : null;
    // a stable component per party: a new one on each render would remount the modal and lose its input
    const Content = React.useMemo(
      () =>
        ({ onClose }: { onClose: () => void }) =>
          words && documentId ? <spec.Content documentId={documentId} name={words.name} code={words.code} type={words.type} onClose={onClose} /> : null,
      [documentId, words?.name, words?.code, words?.type]
    );
    if (!isParty || !words || !canRead || (spec.dun && !canDun)) return null;
    const label = t(spec.label[0], spec.label[1]);
    return { label, icon: spec.icon, position: 'header', dialog: { type: 'modal', title: label, content: Content } };
  };
  Action.position = 'header';
  return Action;
};
