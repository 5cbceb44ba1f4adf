import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::functional-area.functional-area');
