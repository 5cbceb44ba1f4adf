import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFlowT, type MadeDocument } from '../flow';
import { useFormat } from '../format';

/** The lines and totals a document would be made with (an operation's preview). */
export const PreviewTable = ({ made, name }: { made: MadeDocument; name?: string }) => {
  const t = useFlowT();
  const { money, quantity } = useFormat();
  const lines = made.lines ?? [];
  const total = (field: 'amountExclTax' | 'taxAmount' | 'amountInclTax', label: string) => (
    <Flex justifyContent="space-between" gap={4} data-preview-total={field}>
      <Typography textColor="neutral600">{label}</Typography>
      <Typography fontWeight="bold" data-preview-value={field}>{money(made[field])}</Typography>
    </Flex>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-preview={name ?? 'made'}>
      {name ? <Typography variant="sigma">{name}</Typography> : null}
      {lines.length > 0 ? (
        <Table colCount={5} rowCount={lines.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('line.label', 'Line')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.quantity', 'Quantity')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.unitPrice', 'Unit price')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.vatRate', 'VAT %')}</Typography></Th>
              <Th><Typography variant="sigma">{t('line.amount', 'Amount excl. tax')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {lines.map((line, index) => (
              <Tr key={line.sourceKey ?? index} data-preview-line={line.sourceKey ?? index}>
                <Td><Typography>{line.label ?? '-'}</Typography></Td>
                <Td><Typography data-preview-quantity>{quantity(line.quantity)}</Typography></Td>
                <Td><Typography>{money(line.unitPrice)}</Typography></Td>
                <Td><Typography>{quantity(line.vatRate)}</Typography></Td>
                <Td><Typography>{money(line.amountExclTax)}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
      <Box paddingLeft={2} paddingRight={2}>
        {total('amountExclTax', t('total.exclTax', 'Total excl. tax'))}
        {total('taxAmount', t('total.tax', 'VAT'))}
        {total('amountInclTax', t('total.inclTax', 'Total incl. tax'))}
      </Box>
    </Flex>
  );
};
