import { useRBAC } from '@strapi/strapi/admin';

// Module-level so useRBAC does not re-check on every render.
const PERMISSIONS = [
  { action: 'plugin::credit-control.read', subject: null },
  { action: 'plugin::credit-control.policy.edit', subject: null },
  { action: 'plugin::credit-control.override', subject: null },
  { action: 'plugin::credit-control.policy.approve', subject: null },
  { action: 'plugin::credit-control.behaviour.accept', subject: null },
];

/** The plugin's RBAC actions for the signed-in admin (useRBAC names them by their last segment). */
export const useCreditPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canEditPolicy: Boolean(allowedActions.canEdit),
    canOverride: Boolean(allowedActions.canOverride),
    canApprove: Boolean(allowedActions.canApprove),
    // useRBAC names `behaviour.accept` by its last segment
    canAcceptColour: Boolean(allowedActions.canAccept),
  };
};
