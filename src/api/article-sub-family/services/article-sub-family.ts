import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::article-sub-family.article-sub-family');
