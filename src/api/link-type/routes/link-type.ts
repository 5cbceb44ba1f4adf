import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::link-type.link-type');
