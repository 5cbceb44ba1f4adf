import type { BarConfig } from './charts';
import { colour } from './charts';
import type { CurrencyFigures, GroupBilling } from './types';

type T = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;
export interface ChartSpec { id: string; title: string; config: BarConfig; empty: boolean }

/** Chart.js needs numbers: the server's decimal strings become floats for drawing only. */
const num = (value: string) => Number(value);

const moneyAxis = (locale: string, currency: string) => {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  return { ticks: { callback: (v: string | number) => format.format(Number(v)) } };
};
const moneyTooltip = (locale: string, currency: string) => {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return { callbacks: { label: (c: any) => `${c.dataset.label}: ${format.format(c.parsed[c.chart.options.indexAxis === 'y' ? 'x' : 'y'])}` } };
};
const percentAxis = { min: 0, max: 100, stacked: true, ticks: { callback: (v: string | number) => `${v} %` } };

const bar = (labels: string[], datasets: { label: string; data: number[] }[], options: Record<string, any> = {}): BarConfig => ({
  type: 'bar',
  data: { labels, datasets: datasets.map((d, i) => ({ ...d, backgroundColor: colour(i) })) },
  options: { ...options, plugins: { legend: { position: 'bottom' }, ...options.plugins } },
});

/** Amount and share charts of one grouping (article families or sub-families). */
function groupCharts(id: string, billing: GroupBilling, titles: [string, string], t: T, locale: string, currency: string): ChartSpec[] {
  const years = billing.years.map((y) => String(y.year));
  const label = (g: GroupBilling['groups'][number]) => (g.key === 'none' ? t('noFamily', 'No family') : g.label ?? g.code ?? g.key);
  const series = (field: 'amount' | 'share') =>
    billing.groups.map((g) => ({ label: label(g), data: billing.years.map((y) => num(y.groups.find((x) => x.key === g.key)?.[field] ?? '0')) }));
  const empty = billing.years.length === 0;
  const shareTooltip = { callbacks: { label: (c: any) => `${c.dataset.label}: ${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(c.parsed.y)} %` } };
  return [
    { id: `${id}`, title: titles[0], empty, config: bar(years, series('amount'), { scales: { x: { stacked: true }, y: { stacked: true, ...moneyAxis(locale, currency) } }, plugins: { tooltip: moneyTooltip(locale, currency) } }) },
    { id: `${id}-share`, title: titles[1], empty, config: bar(years, series('share'), { scales: { x: { stacked: true }, y: percentAxis }, plugins: { tooltip: shareTooltip } }) },
  ];
}

/** One currency's charts; `suffix` tells apart the ids of another currency's ("payment-terms-usd"). */
export function dashboardCharts(data: CurrencyFigures, t: T, locale: string, suffix = ''): ChartSpec[] {
  const { currency, profitability, paymentTerms } = data;
  const money = { scales: { y: moneyAxis(locale, currency) }, plugins: { tooltip: moneyTooltip(locale, currency) } };
  const profitSeries = (rows: { revenue: string; cost: string; margin: string }[]) => [
    { label: t('revenue', 'Revenue'), data: rows.map((r) => num(r.revenue)) },
    { label: t('cost', 'Cost'), data: rows.map((r) => num(r.cost)) },
    { label: t('margin', 'Margin'), data: rows.map((r) => num(r.margin)) },
  ];
  const projects = profitability.projects.slice(0, 15);
  const titles = {
    year: t('chart.profitYear', 'Project profitability per year'),
    amount: t('chart.profitAmount', 'Project profitability per amount'),
    terms: t('chart.paymentTerms', 'Payment terms: balance due by days to the due date'),
  };
  const charts: ChartSpec[] = [
    { id: 'profitability-year', title: titles.year, empty: profitability.years.length === 0, config: bar(profitability.years.map((y) => String(y.year)), profitSeries(profitability.years), money) },
    {
      id: 'profitability-amount',
      title: titles.amount,
      empty: projects.length === 0,
      config: bar(projects.map((p) => p.code ?? p.name ?? p.documentId), profitSeries(projects), {
        indexAxis: 'y',
        scales: { x: moneyAxis(locale, currency) },
        plugins: { tooltip: moneyTooltip(locale, currency) },
      }),
    },
    {
      id: 'payment-terms',
      title: titles.terms,
      empty: paymentTerms.bands.every((b) => b.count === 0),
      config: bar(
        paymentTerms.bands.map((b) => `${t(`termBand.${b.band}`, b.band)} (${b.count})`),
        [{ label: t('openAmount', 'Balance due (credit notes to apply count negative)'), data: paymentTerms.bands.map((b) => num(b.amount)) }],
        money
      ),
    },
    ...groupCharts('billing-family', data.billingByFamily, [t('chart.family', 'Billing by article family'), t('chart.familyShare', 'Global billing by article family (share of the year)')], t, locale, currency),
    ...groupCharts('billing-sub-family', data.billingBySubFamily, [t('chart.subFamily', 'Billing by article sub-family'), t('chart.subFamilyShare', 'Global billing by article sub-family (share of the year)')], t, locale, currency),
  ];
  return suffix ? charts.map((chart) => ({ ...chart, id: `${chart.id}${suffix}` })) : charts;
}
