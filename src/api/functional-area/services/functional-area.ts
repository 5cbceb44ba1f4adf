import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::functional-area.functional-area');
