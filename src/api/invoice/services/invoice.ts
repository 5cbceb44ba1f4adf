import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::invoice.invoice');
