import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::business-link.business-link');
