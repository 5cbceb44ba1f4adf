import * as React from 'react';
import { Badge, Flex, Grid, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Section } from './Section';
import { useT } from '../utils';

type Colour = 'green' | 'amber' | 'red';
/** The credit-control plugin's GET /parties/:party/payment-behaviour (its public route). */
interface PaymentBehaviour {
  window: { from: string; to: string; months: number };
  invoices: number;
  dso: number | null;
  averageDaysLate: number | null;
  lateSharePercent: number | null;
  trend: 'improving' | 'stable' | 'worsening' | 'unknown';
  suggested: Colour | null;
  colour: Colour | null;
}

const VARIANTS: Record<Colour, 'success' | 'warning' | 'danger'> = { green: 'success', amber: 'warning', red: 'danger' };

/**
 * The customer's payment behaviour in the 360 view, from the credit-control plugin. Absent when the
 * plugin is not there, does not map it (404) or the role may not read credit figures (403).
 */
export const PaymentBehaviourSection = ({ documentId }: { documentId: string }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const [behaviour, setBehaviour] = React.useState<PaymentBehaviour | null>(null);
  React.useEffect(() => {
    let live = true;
    get<{ data: PaymentBehaviour }>(`/credit-control/parties/${encodeURIComponent(documentId)}/payment-behaviour`).then(
      (res) => live && setBehaviour(res.data.data),
      () => live && setBehaviour(null)
    );
    return () => {
      live = false;
    };
  }, [get, documentId]);
  if (!behaviour) return null;
  const days = (n: number | null) => (n === null ? '—' : t('behaviour.days', '{days} days', { days: n }));
  const colour = (c: Colour | null, name: string) =>
    c ? <Badge variant={VARIANTS[c]} data-colour={name} data-colour-value={c}>{t(`behaviour.colour.${c}`, c)}</Badge> : <span data-colour={name}>—</span>;
  const figures: [string, string, React.ReactNode][] = [
    ['invoices', t('behaviour.invoices', 'Invoices judged'), behaviour.invoices],
    ['dso', t('behaviour.dso', 'DSO'), days(behaviour.dso)],
    ['averageDaysLate', t('behaviour.averageDaysLate', 'Average days late'), days(behaviour.averageDaysLate)],
    ['lateShare', t('behaviour.lateShare', 'Paid late'), behaviour.lateSharePercent === null ? '—' : `${behaviour.lateSharePercent} %`],
    ['trend', t('behaviour.trend', 'Trend'), t(`behaviour.trend.${behaviour.trend}`, behaviour.trend)],
    ['suggested', t('behaviour.suggested', 'Suggested colour'), colour(behaviour.suggested, 'suggested')],
    ['colour', t('behaviour.colour', 'Colour on the record'), colour(behaviour.colour, 'current')],
  ];
  return (
    <Section id="payment-behaviour" title={t('section.behaviour', 'Payment behaviour ({months} months)', { months: behaviour.window.months })}>
      <Grid.Root gap={4}>
        {figures.map(([name, label, value]) => (
          <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="flex-start" data-behaviour-field={name}>
            <Typography variant="sigma" textColor="neutral600">{label}</Typography>
            <Flex data-behaviour-value={name}><Typography fontWeight="bold">{value}</Typography></Flex>
          </Grid.Item>
        ))}
      </Grid.Root>
    </Section>
  );
};
