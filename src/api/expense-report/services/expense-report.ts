import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::expense-report.expense-report');
