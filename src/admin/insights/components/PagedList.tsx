import * as React from 'react';
import { usePagedSection } from '../usePagedSection';
import { Pager } from './Pager';

/** A section's rows one page at a time (`name`: the section the server pages), with its pager. */
export function PagedList<R>({ name, documentId, first, empty, children }: { name: string; documentId: string; first: { rows: R[]; total: number }; empty: React.ReactNode; children: (rows: R[]) => React.ReactNode }) {
  const paged = usePagedSection(documentId, name, first);
  return (
    <>
      {paged.rows.length ? children(paged.rows) : empty}
      <Pager name={name} paged={paged} />
    </>
  );
}
