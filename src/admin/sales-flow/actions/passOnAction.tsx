import * as React from 'react';
import { Flex, Loader, Typography } from '@strapi/design-system';
import { ActionModal, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { useRecord } from '../../customer-actions/shared';
import { ExtraFields, givenFields } from '../components/ExtraFields';
import { PortionFields } from '../components/PortionFields';
import { PreviewTable } from '../components/PreviewTable';
import { canMake, cmRight, FLOW_BASE, PREFIX, SEGMENT, useFlowT } from '../flow';
import { useFormat } from '../format';
import { useMake, usePreview } from '../hooks';
import { initialPortion, portionBody, withFreeLines, type By, type PortionState } from '../portion';

export interface PassOnSpec {
  /** message prefix (`deliver.title`...) */
  id: string;
  title: string;
  confirm: string;
  source: string;
  target: string;
  /** the made document's kind, where the source type makes several (an invoice's credit note) */
  kind?: string;
  /** the source's kind it applies to (invoices, not credit notes, are credited) */
  sourceKind?: string;
  /** the operation's path after the source: `/orders/:id/deliveries` */
  segment: string;
  portions: By[];
  /** header fields the clerk may give */
  fields: string[];
  icon: React.ReactNode;
}

/**
 * One "make a document from this one" action: what is left on the source, the portion to pass on
 * (lines and quantities, a percentage or an amount), the preview of what will be made, then the
 * making, which opens the made document. The server's refusals show in the modal as they are.
 */
export const passOnAction = (spec: PassOnSpec) => {
  const Content = ({ onClose }: { onClose: () => void }) => {
    const t = useFlowT();
    const { money } = useFormat();
    const { documentId } = useRecord();
    const path = `${FLOW_BASE}/${SEGMENT[spec.source]}/${documentId}/${spec.segment}`;
    // "all that is left": the free quantity of each line, and the amount it comes to
    const whole = usePreview(path, { by: 'quantity' });
    const free = React.useMemo(() => (whole.data ? whole.data.lines ?? [] : null), [whole.data]);
    const [portion, setPortion] = React.useState<PortionState>(initialPortion(spec.portions[0]));
    const [fields, setFields] = React.useState<Record<string, string>>({});
    const [refusal, setRefusal] = useRefusal();
    React.useEffect(() => {
      if (free) setPortion((p) => withFreeLines(p, free));
    }, [free]);
    const body = React.useMemo(() => {
      const chosen = portionBody(portion, free);
      return chosen ? { ...chosen, ...givenFields(fields) } : null;
    }, [portion, free, fields]);
    const preview = usePreview(path, body);
    const make = useMake();
    const shown = refusal ?? preview.refusal ?? whole.refusal;
    const change = <T,>(set: (v: T) => void) => (value: T) => {
      setRefusal(null);
      set(value);
    };
    return (
      <ActionModal
        onClose={onClose}
        onConfirm={async () => {
          await make(path, body!, spec.target, onClose);
        }}
        confirmLabel={t(`${spec.id}.confirm`, spec.confirm)}
        confirmDisabled={!body || !preview.data || preview.loading}
        refusal={shown}
        setRefusal={setRefusal}
      >
        {whole.loading ? <Loader small>{t('loading', 'Loading')}</Loader> : null}
        {whole.data ? (
          <Typography data-left={whole.data.amountExclTax}>
            {t('left', 'Left to pass on: {amount} excl. tax', { amount: money(whole.data.amountExclTax) })}
          </Typography>
        ) : null}
        {free ? <PortionFields portions={spec.portions} free={free} state={portion} onChange={change(setPortion)} errors={shown?.fields ?? {}} /> : null}
        <ExtraFields fields={spec.fields} values={fields} onChange={change(setFields)} errors={shown?.fields ?? {}} />
        <Flex direction="column" alignItems="stretch" gap={2}>
          {preview.loading ? <Loader small>{t('preview.loading', 'Computing the preview')}</Loader> : null}
          {preview.data && !preview.loading ? <PreviewTable made={preview.data} name={t('preview.title', 'What will be made')} /> : null}
        </Flex>
      </ActionModal>
    );
  };
  return recordAction({
    models: [spec.source],
    prefix: PREFIX,
    label: [`${spec.id}.title`, spec.title],
    icon: spec.icon,
    allowed: (p) => p.salesFlow,
    requires: cmRight('create', spec.target),
    when: (doc) => canMake(spec.source, spec.target, doc.state, spec.kind) && (!spec.sourceKind || doc.kind === spec.sourceKind),
    Content,
  });
};
