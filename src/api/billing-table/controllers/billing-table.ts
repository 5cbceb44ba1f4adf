import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::billing-table.billing-table');
