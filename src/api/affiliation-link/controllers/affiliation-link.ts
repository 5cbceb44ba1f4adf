import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::affiliation-link.affiliation-link');
