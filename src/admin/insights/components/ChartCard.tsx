import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Chart, type BarConfig } from '../charts';
import { useT } from '../utils';

/** One dashboard chart on a plain canvas, with "Save as PNG". */
export const ChartCard = ({ id, title, config, empty, file }: { id: string; title: string; config: BarConfig; empty: boolean; file: string }) => {
  const { t } = useT();
  const canvas = React.useRef<HTMLCanvasElement>(null);
  React.useEffect(() => {
    if (!canvas.current || empty) return;
    const chart = new Chart(canvas.current, { ...config, options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false } });
    return () => chart.destroy();
  }, [config, empty]);

  /** The chart under its title, on white: the PNG says what it shows. */
  const save = () => {
    const chart = canvas.current;
    if (!chart) return;
    const ratio = window.devicePixelRatio || 1;
    const band = Math.round(40 * ratio);
    const out = document.createElement('canvas');
    out.width = chart.width;
    out.height = chart.height + band;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = '#32324d';
    ctx.font = `600 ${Math.round(16 * ratio)}px sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillText(title, Math.round(8 * ratio), band / 2);
    ctx.drawImage(chart, 0, band);
    const link = document.createElement('a');
    link.href = out.toDataURL('image/png');
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-insights-chart={id} height="100%">
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={3} gap={2}>
        <Typography variant="delta" tag="h2">{title}</Typography>
        <Box style={{ flexShrink: 0 }}>
          <Button variant="tertiary" size="S" startIcon={<Download />} onClick={save} disabled={empty}>
            {t('savePng', 'Save as PNG')}
          </Button>
        </Box>
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
