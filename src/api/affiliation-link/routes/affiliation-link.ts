import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::affiliation-link.affiliation-link');
