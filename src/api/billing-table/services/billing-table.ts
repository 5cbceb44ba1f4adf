import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::billing-table.billing-table');
