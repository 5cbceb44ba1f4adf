import * as React from 'react';
import { Loader, Typography } from '@strapi/design-system';
import { ActionModal, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { useRecord } from '../../customer-actions/shared';
import { ExtraFields, givenFields } from '../components/ExtraFields';
import { PreviewTable } from '../components/PreviewTable';
import { cmRight, FLOW_BASE, FLOW_UIDS, PREFIX, useFlowT, type MadeDocument } from '../flow';
import { useMake, usePreview } from '../hooks';

type Note = MadeDocument & { periodStart?: string; periodEnd?: string };

export interface NoteSpec {
  /** message prefix (`contractNote.title`...) */
  id: string;
  title: string;
  confirm: string;
  intro: string;
  /** the source's type, and the operation's path from its documentId: `maintenance-contracts/:id/deliveries` */
  model: string;
  path: (documentId: string) => string;
  /** fields the clerk may give */
  fields: string[];
  /** what the body always says (which items to quote) */
  fixed?: Record<string, string>;
  /** the type made (a delivery note unless told) */
  made?: string;
  /** for which sources it shows (their saved values) */
  when: (doc: Record<string, any>) => boolean;
  icon: React.ReactNode;
}

/**
 * A delivery note made from a contract period, a project's expenses or a training opportunity's
 * held sessions: what the server would make, previewed as the fields change, then made and opened.
 * Whether anything is left to bill is the server's call: its preview says why not.
 */
export const noteAction = (spec: NoteSpec) => {
  const Content = ({ onClose }: { onClose: () => void }) => {
    const t = useFlowT();
    const { documentId } = useRecord();
    const path = `${FLOW_BASE}/${spec.path(documentId as string)}`;
    const [fields, setFields] = React.useState<Record<string, string>>({});
    const body = React.useMemo(() => ({ ...spec.fixed, ...givenFields(fields) }), [fields]);
    const preview = usePreview<Note>(path, body);
    const [refusal, setRefusal] = useRefusal();
    const make = useMake();
    const shown = refusal ?? preview.refusal;
    const note = preview.data;
    return (
      <ActionModal
        onClose={onClose}
        onConfirm={async () => {
          await make(path, body, spec.made ?? FLOW_UIDS.delivery, onClose);
        }}
        confirmLabel={t(`${spec.id}.confirm`, spec.confirm)}
        confirmDisabled={!note || preview.loading}
        refusal={shown}
        setRefusal={setRefusal}
      >
        <Typography>{t(`${spec.id}.intro`, spec.intro)}</Typography>
        <ExtraFields
          fields={spec.fields}
          values={fields}
          onChange={(values) => {
            setRefusal(null);
            setFields(values);
          }}
          errors={shown?.fields ?? {}}
        />
        {preview.loading ? <Loader small>{t('preview.loading', 'Computing the preview')}</Loader> : null}
        {note && !preview.loading ? (
          <PreviewTable
            made={note}
            name={note.periodStart ? t('contractNote.period', 'Period from {start} to {end}', { start: note.periodStart, end: note.periodEnd ?? '' }) : t('preview.title', 'What will be made')}
          />
        ) : null}
      </ActionModal>
    );
  };
  return recordAction({
    models: [spec.model],
    prefix: PREFIX,
    label: [`${spec.id}.title`, spec.title],
    icon: spec.icon,
    allowed: (p) => p.salesFlow,
    requires: cmRight('create', spec.made ?? FLOW_UIDS.delivery),
    when: spec.when,
    Content,
  });
};
