import { factories } from '@strapi/strapi';
import credit from './credit';
import defaultPolicies from './default-policies';
import dunning from './dunning';
import dunningList from './dunning-list';
import limitChanges from './limit-changes';
import overThreshold from './over-threshold';
import partyLimits from './party-limits';
import partyLookup from './party-lookup';
import partyPolicy from './party-policy';
import paymentBehaviour from './payment-behaviour';
import policy from './policy';
import reports from './reports';
import status from './status';

export default {
  credit,
  'default-policies': defaultPolicies,
  dunning,
  'dunning-list': dunningList,
  'limit-changes': limitChanges,
  'over-threshold': overThreshold,
  'party-limits': partyLimits,
  'party-lookup': partyLookup,
  'party-policy': partyPolicy,
  'payment-behaviour': paymentBehaviour,
  policy,
  reports,
  status,
  rate: factories.createCoreController('plugin::credit-control.rate' as any),
  'dunning-level': factories.createCoreController('plugin::credit-control.dunning-level' as any),
};
