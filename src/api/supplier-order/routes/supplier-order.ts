import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::supplier-order.supplier-order');
