import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::maintenance-contract.maintenance-contract');
