import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::vat-code.vat-code');
