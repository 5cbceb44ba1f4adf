import type { Route } from './index';

/** Temporary limits, credit insurance, the limit in force, payment behaviour, and default policies (see the plugin README). */
export const LIMIT_ROUTES: Route[] = [
  { method: 'GET', path: '/parties/:party/limits', handler: 'party-limits.show', graphql: 'creditControlPartyLimits', figures: true, action: 'read' },
  { method: 'POST', path: '/parties/:party/temporary-limits', handler: 'party-limits.addTemporary', graphql: 'creditControlAddTemporaryLimit', figures: true, action: 'policy.edit' },
  { method: 'DELETE', path: '/parties/:party/temporary-limits/:id', handler: 'party-limits.removeTemporary', graphql: 'creditControlRemoveTemporaryLimit', figures: true, action: 'policy.edit' },
  { method: 'PUT', path: '/parties/:party/insurance', handler: 'party-limits.setInsurance', graphql: 'creditControlSetInsurance', figures: true, action: 'policy.edit' },
  { method: 'DELETE', path: '/parties/:party/insurance', handler: 'party-limits.removeInsurance', graphql: 'creditControlRemoveInsurance', figures: true, action: 'policy.edit' },
  // payment behaviour over the rolling window, and accepting its suggested colour into the party's record
  { method: 'GET', path: '/parties/:party/payment-behaviour', handler: 'payment-behaviour.show', graphql: 'creditControlPaymentBehaviour', figures: true, action: 'read' },
  { method: 'POST', path: '/parties/:party/payment-behaviour/accept', handler: 'payment-behaviour.accept', graphql: 'creditControlAcceptColour', figures: true, action: 'behaviour.accept' },
  { method: 'GET', path: '/default-policies', handler: 'default-policies.find', graphql: 'creditControlDefaultPolicies', figures: true, action: 'read' },
  { method: 'GET', path: '/default-policies/:key/:value', handler: 'default-policies.show', graphql: 'creditControlDefaultPolicy', figures: true, action: 'read' },
  { method: 'PUT', path: '/default-policies/:key/:value', handler: 'default-policies.put', graphql: 'creditControlPutDefaultPolicy', figures: true, action: 'policy.edit' },
  { method: 'DELETE', path: '/default-policies/:key/:value', handler: 'default-policies.remove', graphql: 'creditControlRemoveDefaultPolicy', figures: true, action: 'policy.edit' },
];
