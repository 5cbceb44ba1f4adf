import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::article-sub-family.article-sub-family');
