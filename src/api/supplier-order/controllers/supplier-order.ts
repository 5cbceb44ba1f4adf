import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::supplier-order.supplier-order');
