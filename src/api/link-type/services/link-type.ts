import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::link-type.link-type');
