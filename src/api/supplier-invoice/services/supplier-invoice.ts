import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::supplier-invoice.supplier-invoice');
