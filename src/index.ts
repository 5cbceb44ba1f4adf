import type { Core } from '@strapi/strapi';
import { registerDomainRules } from './rules';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDomainRules(strapi);
  },
  bootstrap() {},
};
