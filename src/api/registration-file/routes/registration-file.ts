import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::registration-file.registration-file');
