import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::business-link.business-link');
