import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::helpdesk-issue.helpdesk-issue');
