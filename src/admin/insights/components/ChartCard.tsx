import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Chart, whiteBackground, type BarConfig } from '../charts';
import { useT } from '../utils';

/** One dashboard chart on a plain canvas, with "Save as PNG" (the canvas as drawn, on a white background). */
export const ChartCard = ({ id, title, config, empty, file }: { id: string; title: string; config: BarConfig; empty: boolean; file: string }) => {
  const { t } = useT();
  const canvas = React.useRef<HTMLCanvasElement>(null);
  React.useEffect(() => {
    if (!canvas.current || empty) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false },
      plugins: [...(config.plugins ?? []), whiteBackground],
    });
    return () => chart.destroy();
  }, [config, empty]);

  const save = () => {
    if (!canvas.current) return;
    const link = document.createElement('a');
    link.href = canvas.current.toDataURL('image/png');
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-insights-chart={id} height="100%">
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={3} gap={2}>
        <Typography variant="delta" tag="h2">{title}</Typography>
        <Button variant="tertiary" size="S" startIcon={<Download />} onClick={save} disabled={empty}>
          {t('savePng', 'Save as PNG')}
        </Button>
      </Flex>
      {empty ? (
        <Flex height="320px" justifyContent="center" alignItems="center">
          <Typography textColor="neutral600">{t('noData', 'No data for these years')}</Typography>
        </Flex>
      ) : (
        <Box position="relative" height="320px">
          <canvas ref={canvas} role="img" aria-label={title} />
        </Box>
      )}
    </Box>
  );
};
