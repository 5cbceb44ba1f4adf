import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::helpdesk-issue.helpdesk-issue');
