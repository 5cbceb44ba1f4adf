import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../hooks/useT';

/** "n items, page p of q" with previous / next. */
export const Pager = ({ page, total, pageSize, onPage, count }: { page: number; total: number; pageSize: number; onPage: (page: number) => void; count: string }) => {
  const { t } = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Flex justifyContent="space-between">
      <Typography textColor="neutral600">{t('reports.page', '{count}, page {page} of {pages}', { count, page, pages })}</Typography>
      <Flex gap={2}>
        <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('reports.previous', 'Previous')}</Button>
        <Button variant="tertiary" disabled={page >= pages} onClick={() => onPage(page + 1)}>{t('reports.next', 'Next')}</Button>
      </Flex>
    </Flex>
  );
};
