import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::maintenance-contract.maintenance-contract');
