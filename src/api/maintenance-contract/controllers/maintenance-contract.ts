import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::maintenance-contract.maintenance-contract');
