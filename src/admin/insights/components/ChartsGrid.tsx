import { Grid } from '@strapi/design-system';
import { ChartCard } from './ChartCard';
import { ErrorBoundary } from './ErrorBoundary';
import type { ChartSpec } from '../dashboardCharts';
import { fileName, useT } from '../utils';

/** One currency's charts, two a row; a chart that fails to draw says so in its place. */
export const ChartsGrid = ({ charts, name, stamp }: { charts: ChartSpec[]; name: string; stamp: string }) => {
  const { t } = useT();
  return (
    <ErrorBoundary message={(e) => t('charts.failed', 'The charts could not be drawn: {message}', { message: e.message })}>
      <Grid.Root gap={4}>
        {charts.map((chart) => (
          <Grid.Item key={chart.id} col={6} s={12} direction="column" alignItems="stretch">
            <ErrorBoundary message={(e) => t('chart.failed', 'This chart could not be drawn: {message}', { message: e.message })}>
              <ChartCard id={chart.id} title={chart.title} config={chart.config} empty={chart.empty} file={fileName(name, chart.id, stamp)} />
            </ErrorBoundary>
          </Grid.Item>
        ))}
      </Grid.Root>
    </ErrorBoundary>
  );
};
