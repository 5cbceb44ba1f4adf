import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::helpdesk-issue.helpdesk-issue');
