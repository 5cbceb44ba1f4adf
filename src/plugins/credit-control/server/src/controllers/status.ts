import type { Core } from '@strapi/strapi';
import pkg from '../../../package.json';

const statusController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: { body: unknown }) {
    ctx.body = {
      plugin: pkg.strapi.name,
      version: pkg.version,
      mapping: strapi.plugin('credit-control').service('mapping').summary(),
    };
  },
});

export default statusController;
