import { factories } from '@strapi/strapi';
import audit from './audit';
import behaviourView from './behaviour-view';
import benchSwitch from './bench-switch';
import credit from './credit';
import decisionIo from './decision-io';
import defaultPolicies from './default-policies';
import dunning from './dunning';
import dunningEmail from './dunning-email';
import exposureStore from './exposure-store';
import groups from './groups';
import limitView from './limit-view';
import guard from './guard';
import limitHistory from './limit-history';
import limitRequests from './limit-requests';
import mapping from './mapping';
import overThreshold from './over-threshold';
import ruleRows from './rule-rows';
import overdueReads from './overdue-reads';
import partyLabels from './party-labels';
import partyLifecycle from './party-lifecycle';
import partyLimits from './party-limits';
import paymentBehaviour from './payment-behaviour';
import policies from './policies';
import policyGuard from './policy-guard';
import rates from './rates';
import reconcile from './reconcile';
import recipients from './recipients';
import reportData from './report-data';
import reportFiles from './report-files';
import reportRuns from './report-runs';
import requestHooks from './request-hooks';
import states from './states';
import statements from './statements';

export default {
  audit,
  'behaviour-view': behaviourView,
  'bench-switch': benchSwitch,
  credit,
  'decision-io': decisionIo,
  'default-policies': defaultPolicies,
  dunning,
  'dunning-email': dunningEmail,
  'exposure-store': exposureStore,
  groups,
  'limit-view': limitView,
  guard,
  'limit-history': limitHistory,
  'limit-requests': limitRequests,
  mapping,
  'over-threshold': overThreshold,
  'overdue-reads': overdueReads,
  'rule-rows': ruleRows,
  'party-labels': partyLabels,
  'party-lifecycle': partyLifecycle,
  'party-limits': partyLimits,
  'payment-behaviour': paymentBehaviour,
  policies,
  'policy-guard': policyGuard,
  rates,
  reconcile,
  recipients,
  'report-data': reportData,
  'report-files': reportFiles,
  'report-runs': reportRuns,
  'request-hooks': requestHooks,
  states,
  statements,
  // core services behind the policy and rate REST controllers
  policy: factories.createCoreService('plugin::credit-control.policy' as any),
  rate: factories.createCoreService('plugin::credit-control.rate' as any),
  'dunning-level': factories.createCoreService('plugin::credit-control.dunning-level' as any),
};
