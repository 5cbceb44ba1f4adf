import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { fetchFile, saveBlob } from '../../utils/download';
import { errorText } from '../../utils/format';
import type { ReportRun } from '../../utils/reports';

const POLL_MS = 800;

/** A background run: polls GET /reports/runs/:id until done or failed, then offers its PDF. */
export const RunProgress = ({ runId, onFinished }: { runId: string; onFinished?: (run: ReportRun) => void }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const [run, setRun] = React.useState<ReportRun | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const finished = React.useRef(onFinished);
  finished.current = onFinished;

  React.useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { data } = await get<{ data: ReportRun }>(`/credit-control/reports/runs/${runId}`);
        if (!live) return;
        setRun(data.data);
        if (data.data.state === 'done' || data.data.state === 'failed') finished.current?.(data.data);
        else timer = setTimeout(poll, POLL_MS);
      } catch (err) {
        if (live) setError(errorText(err));
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [get, runId]);

  const download = async () => {
    setDownloading(true);
    setError(null);
    try {
      const { blob, filename } = await fetchFile(get, `/credit-control/reports/runs/${runId}/file`, undefined, `report-${runId}.pdf`);
      saveBlob(blob, filename);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setDownloading(false);
    }
  };

  const state = run?.state ?? 'queued';
  const percent = run ? (state === 'done' ? 100 : run.total > 0 ? Math.round((run.done / run.total) * 100) : 0) : 0;
  return (
    <Box background="neutral100" padding={4} hasRadius data-report-run={runId} data-run-state={state}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="space-between">
          <Typography fontWeight="bold">{t(`reports.run.state.${state}`, state)}</Typography>
          <Typography textColor="neutral600">
            {t('reports.run.progress', '{done} of {total} customers read ({percent} %)', { done: run?.done ?? 0, total: run?.total ?? 0, percent })}
          </Typography>
        </Flex>
        {/* the design system's ProgressBar is drawn for dark backgrounds (white on grey): a plain bar here */}
        <Box
          role="progressbar"
          aria-label={t('reports.run.progressLabel', 'Progress of the run')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          background="neutral200"
          hasRadius
          height="0.8rem"
          overflow="hidden"
        >
          <Box background={state === 'failed' ? 'danger500' : state === 'done' ? 'success500' : 'primary600'} height="100%" style={{ width: `${percent}%`, transition: 'width 0.3s' }} />
        </Box>
        {state === 'done' ? (
          <Flex justifyContent="space-between" alignItems="center">
            <Typography>{t('reports.run.done', 'Done: {sections, plural, =0 {nothing to print} one {# letter or section} other {# letters or sections}}', { sections: run?.sections ?? 0 })}</Typography>
            <Button startIcon={<Download />} onClick={download} loading={downloading}>
              {t('reports.run.download', 'Download the file')}
            </Button>
          </Flex>
        ) : null}
        {state === 'failed' ? (
          <Typography textColor="danger600" role="alert">
            {t('reports.run.failed', 'The run failed: {error}', { error: run?.error ?? '' })}
          </Typography>
        ) : null}
        {error ? <Typography textColor="danger600" role="alert">{error}</Typography> : null}
      </Flex>
    </Box>
  );
};
