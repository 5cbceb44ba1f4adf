import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::supplier-order.supplier-order');
