import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCreditStatus } from './useCreditStatus';
import type { OverRow, Paged } from '../utils/types';

export type { OverRow } from '../utils/types';

/**
 * A page of the parties blocked, over, or at 90 % or more of their threshold, most over first:
 * one request (`GET /parties/over-threshold`); the server computes the figures and the order.
 */
export const useOverThreshold = ({ page = 1, pageSize = 25 }: { page?: number; pageSize?: number } = {}) => {
  const { get } = useFetchClient();
  const { status } = useCreditStatus();
  const [state, setState] = React.useState<{ rows: OverRow[]; total: number; loading: boolean; error: unknown }>({ rows: [], total: 0, loading: true, error: null });
  React.useEffect(() => {
    if (!status) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<Paged<OverRow>>('/credit-control/parties/over-threshold', { params: { page, pageSize } }).then(
      (res) => live && setState({ rows: res.data.data, total: res.data.meta.pagination.total, loading: false, error: null }),
      (error) => live && setState({ rows: [], total: 0, loading: false, error })
    );
    return () => {
      live = false;
    };
  }, [get, status, page, pageSize]);
  return state;
};
