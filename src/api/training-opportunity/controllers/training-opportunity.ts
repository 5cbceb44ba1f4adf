import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::training-opportunity.training-opportunity');
