import * as React from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { editViewPath } from '../utils';

export interface Column<R> {
  key: string;
  label: string;
  render: (row: R) => React.ReactNode;
  align?: 'left' | 'right';
}

/** A section of the 360 view: each row opens its record's edit view (click, double-click or Enter). */
export function RowsTable<R extends { uid: string; documentId: string }>({ name, rows, columns }: { name: string; rows: R[]; columns: Column<R>[] }) {
  const navigate = useNavigate();
  const open = (row: R) => navigate(editViewPath(row.uid, row.documentId));
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1} data-insights-table={name}>
      <Thead>
        <Tr>
          {columns.map((c) => (
            <Th key={c.key} style={c.align === 'right' ? { textAlign: 'right' } : undefined}>
              <Typography variant="sigma">{c.label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr
            key={`${row.uid}:${row.documentId}`}
            data-insights-row={row.documentId}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            onClick={() => open(row)}
            onDoubleClick={() => open(row)}
            onKeyDown={(e: React.KeyboardEvent) => e.key === 'Enter' && open(row)}
          >
            {columns.map((c) => (
              <Td key={c.key} style={c.align === 'right' ? { textAlign: 'right' } : undefined}>
                <Typography>{c.render(row)}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
