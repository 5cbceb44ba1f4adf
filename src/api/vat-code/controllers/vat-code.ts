import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::vat-code.vat-code');
