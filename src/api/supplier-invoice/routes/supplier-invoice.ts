import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::supplier-invoice.supplier-invoice');
