import { factories } from '@strapi/strapi';
import credit from './credit';
import dunning from './dunning';
import dunningList from './dunning-list';
import reports from './reports';
import status from './status';

export default {
  credit,
  dunning,
  'dunning-list': dunningList,
  reports,
  status,
  policy: factories.createCoreController('plugin::credit-control.policy' as any),
  rate: factories.createCoreController('plugin::credit-control.rate' as any),
  'dunning-level': factories.createCoreController('plugin::credit-control.dunning-level' as any),
};
