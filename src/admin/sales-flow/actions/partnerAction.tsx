import * as React from 'react';
import { Field, Grid, Loader, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ActionModal, useRefusal } from '../../customer-actions/components/ActionModal';
import { recordAction } from '../../customer-actions/components/recordAction';
import { useRecord } from '../../customer-actions/shared';
import { PreviewTable } from '../components/PreviewTable';
import { cmRight, FLOW_BASE, FLOW_UIDS, PREFIX, useFlowT } from '../flow';
import { useMake, usePreview } from '../hooks';

export interface PartnerSpec {
  /** message prefix (`purchase.title`...) */
  id: string;
  title: string;
  confirm: string;
  intro: string;
  /** who is given the work: its type, the body field naming it, and the field shown in the list */
  partner: { uid: string; field: string; label: string; labelField: string };
  /** the operation's path after the order: `/orders/:id/supplier-orders` */
  segment: string;
  /** a choice the operation takes (purpose, what to make), its options, and the type each option makes */
  choice: { field: string; label: string; options: { value: string; label: string; made: string }[] };
  icon: React.ReactNode;
}

/** The first 100 records of a type, by name, for a select (a group has few companies, a firm a few suppliers per order). */
const usePartners = (uid: string, labelField: string) => {
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<{ documentId: string; label: string }[] | null>(null);
  React.useEffect(() => {
    let live = true;
    get<any>(`/content-manager/collection-types/${uid}`, { params: { page: 1, pageSize: 100, sort: `${labelField}:ASC` } })
      .then(({ data }) => live && setRows((data.results ?? []).map((r: any) => ({ documentId: r.documentId, label: String(r[labelField] ?? r.documentId) }))))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, [uid, labelField, get]);
  return rows;
};

/**
 * Part of a customer's order passed to a partner (a supplier bought from, a group company that does
 * the work): every line still left, at a share of the sale price, previewed, then made and opened.
 */
export const partnerAction = (spec: PartnerSpec) => {
  const Content = ({ onClose }: { onClose: () => void }) => {
    const t = useFlowT();
    const { documentId } = useRecord();
    const path = `${FLOW_BASE}/orders/${documentId}/${spec.segment}`;
    const partners = usePartners(spec.partner.uid, spec.partner.labelField);
    const [partner, setPartner] = React.useState<string>('');
    const [choice, setChoice] = React.useState(spec.choice.options[0].value);
    const [percent, setPercent] = React.useState('100');
    const [refusal, setRefusal] = useRefusal();
    const body = React.useMemo(() => (partner ? { [spec.partner.field]: partner, [spec.choice.field]: choice, pricePercent: percent.trim() } : null), [partner, choice, percent]);
    const preview = usePreview(path, body);
    const make = useMake();
    const shown = refusal ?? preview.refusal;
    const made = spec.choice.options.find((o) => o.value === choice)?.made ?? FLOW_UIDS.quotation;
    const change = (set: (v: string) => void) => (value: string) => {
      setRefusal(null);
      set(value);
    };
    return (
      <ActionModal
        onClose={onClose}
        onConfirm={async () => {
          await make(path, body!, made, onClose);
        }}
        confirmLabel={t(`${spec.id}.confirm`, spec.confirm)}
        confirmDisabled={!body || !preview.data || preview.loading}
        refusal={shown}
        setRefusal={setRefusal}
      >
        <Typography>{t(`${spec.id}.intro`, spec.intro)}</Typography>
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={spec.partner.field} error={shown?.fields[spec.partner.field]} required>
              <Field.Label>{t(`${spec.id}.partner`, spec.partner.label)}</Field.Label>
              {partners === null ? (
                <Loader small>{t('loading', 'Loading')}</Loader>
              ) : (
                <SingleSelect value={partner} onChange={(v: string | number) => change(setPartner)(String(v))}>
                  {partners.map((p) => (
                    <SingleSelectOption key={p.documentId} value={p.documentId}>{p.label}</SingleSelectOption>
                  ))}
                </SingleSelect>
              )}
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={spec.choice.field} error={shown?.fields[spec.choice.field]}>
              <Field.Label>{t(`${spec.id}.choice`, spec.choice.label)}</Field.Label>
              <SingleSelect value={choice} onChange={(v: string | number) => change(setChoice)(String(v))}>
                {spec.choice.options.map((o) => (
                  <SingleSelectOption key={o.value} value={o.value}>{t(`${spec.id}.${o.value}`, o.label)}</SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="pricePercent" error={shown?.fields.pricePercent} hint={t('partner.percent.hint', 'Of the sale price of each line')}>
              <Field.Label>{t('partner.percent', 'Price (%)')}</Field.Label>
              <TextInput value={percent} onChange={(e: React.ChangeEvent<HTMLInputElement>) => change(setPercent)(e.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        {preview.loading ? <Loader small>{t('preview.loading', 'Computing the preview')}</Loader> : null}
        {preview.data && !preview.loading ? <PreviewTable made={preview.data} name={t('preview.title', 'What will be made')} /> : null}
      </ActionModal>
    );
  };
  return recordAction({
    models: [FLOW_UIDS.order],
    prefix: PREFIX,
    label: [`${spec.id}.title`, spec.title],
    icon: spec.icon,
    allowed: (p) => p.salesFlow,
    requires: spec.choice.options.flatMap((o) => cmRight('create', o.made)).filter((r, i, all) => all.findIndex((x) => x.subject === r.subject) === i),
    when: (doc) => ['confirmed', 'partiallyDelivered'].includes(String(doc.state)),
    Content,
  });
};
