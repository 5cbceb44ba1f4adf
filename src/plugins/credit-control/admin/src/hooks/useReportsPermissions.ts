import { useAuth } from '@strapi/strapi/admin';

export const REPORTS_READ = [{ action: 'plugin::credit-control.reports.read', subject: null }];

/**
 * reports.read (statements, previews, history) and reports.dun (batch runs that record, emails).
 * Read from the signed-in user's permissions: useRBAC checks once and, on a page opened before
 * those permissions have loaded, stays at "not allowed". These actions have no conditions.
 */
export const useReportsPermissions = () => {
  const permissions = useAuth('useReportsPermissions', (state) => state.permissions);
  const isLoading = useAuth('useReportsPermissions', (state) => state.isLoading);
  const has = (action: string) => permissions.some((p) => p.action === `plugin::credit-control.${action}`);
  return { isLoading, canRead: has('reports.read'), canDun: has('reports.dun') };
};
