import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::training-opportunity.training-opportunity');
