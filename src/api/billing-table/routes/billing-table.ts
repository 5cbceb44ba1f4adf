import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::billing-table.billing-table');
