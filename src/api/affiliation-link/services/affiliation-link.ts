import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::affiliation-link.affiliation-link');
