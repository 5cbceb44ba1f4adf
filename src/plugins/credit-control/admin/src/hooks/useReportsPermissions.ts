import { useRBAC } from '@strapi/strapi/admin';

// Module-level so useRBAC does not re-check on every render.
export const REPORTS_READ = [{ action: 'plugin::credit-control.reports.read', subject: null }];
const PERMISSIONS = [...REPORTS_READ, { action: 'plugin::credit-control.reports.dun', subject: null }];

/** reports.read (statements, previews, history) and reports.dun (batch runs that record, emails). */
export const useReportsPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  return { isLoading, canRead: Boolean(allowedActions.canRead), canDun: Boolean(allowedActions.canDun) };
};
