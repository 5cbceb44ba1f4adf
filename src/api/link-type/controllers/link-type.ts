import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::link-type.link-type');
