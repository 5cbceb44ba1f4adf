import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils';

/** A titled block of the 360 view, with its number of lines (a paged section says which it shows below its rows). */
export const Section = ({ id, title, total, children }: { id: string; title: string; total?: number; children: React.ReactNode }) => {
  const { t } = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} data-insights-section={id}>
      <Flex justifyContent="space-between" paddingBottom={3}>
        <Typography variant="delta" tag="h2">{title}</Typography>
        {total !== undefined ? <Typography variant="pi" textColor="neutral600">{t('count', '{total, plural, one {# line} other {# lines}}', { total })}</Typography> : null}
      </Flex>
      {children}
    </Box>
  );
};

export const Empty = ({ text }: { text: string }) => (
  <Typography textColor="neutral600" tag="p">{text}</Typography>
);
