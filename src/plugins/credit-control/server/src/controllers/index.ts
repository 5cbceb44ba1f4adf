import { factories } from '@strapi/strapi';
import credit from './credit';
import reports from './reports';
import status from './status';

export default {
  credit,
  reports,
  status,
  policy: factories.createCoreController('plugin::credit-control.policy' as any),
  rate: factories.createCoreController('plugin::credit-control.rate' as any),
};
