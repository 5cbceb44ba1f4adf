import { Button, Flex, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import type { PagedRows } from '../usePagedSection';
import { errorText, useT } from '../utils';

/** "21–40 of 174" and previous / next under a section's rows; nothing when they fit on one page. */
export function Pager<R>({ name, paged }: { name: string; paged: PagedRows<R> }) {
  const { t } = useT();
  const { page, pageSize, total, loading, error, goTo } = paged;
  if (total <= pageSize && page === 1) return null;
  const from = Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3} data-insights-pager={name}>
      {error ? <Typography textColor="danger600" role="alert">{errorText(error)}</Typography> : null}
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="pi" textColor="neutral600" data-insights-range={name} aria-live="polite">
          {t('range', '{from, number}–{to, number} of {total, number}', { from, to, total })}
        </Typography>
        <Flex gap={2}>
          <Button size="S" variant="tertiary" startIcon={<ChevronLeft />} disabled={loading || page <= 1} onClick={() => goTo(page - 1)}>
            {t('page.previous', 'Previous')}
          </Button>
          <Button size="S" variant="tertiary" endIcon={<ChevronRight />} disabled={loading || to >= total} onClick={() => goTo(page + 1)}>
            {t('page.next', 'Next')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
