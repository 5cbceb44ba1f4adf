import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::expense-report.expense-report');
