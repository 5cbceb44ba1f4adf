import * as React from 'react';
import { Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Folder } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { AMOUNT_FIELDS, DATE_FIELDS, firstOf } from '../../../domain/shown-fields';
import { useLocaleFormat } from '../../format';
import { useLabels } from '../../labels';
import { editViewPath, useRecord, useT } from '../shared';
import { ActionModal, refusalOf, useRefusal } from './ActionModal';
import { recordAction } from './recordAction';
import { useObjectTypes, useSchemaOf } from './useObjectTypes';

type Row = Record<string, any>;
const PAGE_SIZE = 10;
const titleOf = (row: Row) => row.number ?? row.code ?? row.subject ?? row.title ?? row.documentId;
/** the type's date (an event's has its time), else its creation day */
const dateOf = (row: Row): [string | null, boolean] => {
  const field = firstOf(DATE_FIELDS, row);
  const value: string | null = field ? row[field] : (row.createdAt?.slice(0, 10) ?? null);
  return [value, Boolean(value && value.length > 10)];
};

const LinkedObjectsContent = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const { documentId } = useRecord();
  const { types, error } = useObjectTypes(documentId);
  const schemaOf = useSchemaOf();
  const { money, date } = useLocaleFormat();
  const { typeName, valueLabel } = useLabels();
  const [type, setType] = React.useState<string | undefined>();
  const [state, setState] = React.useState<string>('');
  const [page, setPage] = React.useState(1);
  const [result, setResult] = React.useState<{ rows: Row[]; pageCount: number; total: number } | null>(null);
  const [refusal, setRefusal] = useRefusal();
  const chosen = types?.find((x) => x.type === type);
  const attributes = schemaOf(chosen?.uid)?.attributes ?? {};
  const states = attributes.state?.enum ?? [];
  // the pre-tax amount the type has (events have none)
  const amountField = firstOf(AMOUNT_FIELDS, attributes);
  React.useEffect(() => {
    if (error) setRefusal(refusalOf(error));
  }, [error, setRefusal]);
  React.useEffect(() => {
    if (!type) return;
    let live = true;
    get<any>(`/customer-records/customers/${documentId}/management-objects`, { params: { type, state: state || undefined, page, pageSize: PAGE_SIZE } })
      .then(({ data }) => live && setResult({ rows: data.data, pageCount: data.meta.pagination.pageCount, total: data.meta.pagination.total }))
      .catch((e) => live && setRefusal(refusalOf(e)));
    return () => {
      live = false;
    };
  }, [type, state, page, documentId, get, setRefusal]);
  const open = (type: string, next: string) => {
    setType(type);
    setState(next);
    setPage(1);
    setResult(null);
    setRefusal(null);
  };
  return (
    <ActionModal onClose={onClose} refusal={refusal} setRefusal={setRefusal}>
      <Flex gap={2} wrap="wrap">
        {(types ?? []).map((x) => (
          <Button key={x.type} size="S" variant={x.type === type ? 'default' : 'tertiary'} onClick={() => open(x.type, '')} data-object-count={x.type}>
            {`${typeName(schemaOf(x.uid)?.info.displayName ?? x.type)} (${x.count})`}
          </Button>
        ))}
      </Flex>
      {type && states.length > 0 ? (
        <SingleSelect
          aria-label={t('objects.state', 'State')}
          value={state}
          onChange={(v: string | number) => open(type, String(v))}
          placeholder={t('objects.allStates', 'All states')}
          onClear={() => open(type, '')}
        >
          {states.map((s) => (
            <SingleSelectOption key={s} value={s}>
              {valueLabel(chosen?.uid ?? '', 'state', s)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      ) : null}
      {result && chosen ? (
        result.rows.length === 0 ? (
          <Typography textColor="neutral600">{t('objects.empty', 'No object of this type.')}</Typography>
        ) : (
          <>
            <Table colCount={amountField ? 4 : 3} rowCount={result.rows.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('objects.reference', 'Reference')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('objects.date', 'Date')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('objects.state', 'State')}</Typography></Th>
                  {amountField ? (
                    <Th style={{ textAlign: 'right' }}><Typography variant="sigma">{t('objects.amountExclTax', 'Excl. tax')}</Typography></Th>
                  ) : null}
                </Tr>
              </Thead>
              <Tbody>
                {result.rows.map((row) => (
                  <Tr
                    key={row.documentId}
                    data-object-row={row.documentId}
                    style={{ cursor: 'pointer' }}
                    onClick={() => {
                      onClose();
                      navigate(editViewPath(chosen.uid, row.documentId));
                    }}
                  >
                    <Td><Typography>{titleOf(row)}</Typography></Td>
                    <Td><Typography>{date(...dateOf(row))}</Typography></Td>
                    <Td><Typography>{row.state ? valueLabel(chosen.uid, 'state', row.state) : '-'}</Typography></Td>
                    {amountField ? (
                      <Td style={{ textAlign: 'right' }}><Typography data-object-amount>{money(row[amountField], row.currency?.code)}</Typography></Td>
                    ) : null}
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Flex justifyContent="space-between">
              <Typography textColor="neutral600">{t('objects.page', 'Page {page} of {pageCount} ({total} objects)', { page, pageCount: result.pageCount, total: result.total })}</Typography>
              <Flex gap={2}>
                <Button size="S" variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('objects.previous', 'Previous')}</Button>
                <Button size="S" variant="tertiary" disabled={page >= result.pageCount} onClick={() => setPage(page + 1)}>{t('objects.next', 'Next')}</Button>
              </Flex>
            </Flex>
          </>
        )
      ) : null}
    </ActionModal>
  );
};

export const LinkedObjectsAction = recordAction({
  label: ['objects.linked', 'Linked management objects'],
  icon: <Folder />,
  allowed: (p) => p.read,
  Content: LinkedObjectsContent,
});
