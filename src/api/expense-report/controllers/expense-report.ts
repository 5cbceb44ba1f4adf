import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::expense-report.expense-report');
