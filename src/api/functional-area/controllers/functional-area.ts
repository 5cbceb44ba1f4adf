import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::functional-area.functional-area');
