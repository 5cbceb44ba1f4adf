import type { Core } from '@strapi/strapi';
import pkg from '../../../package.json';
import { getService } from '../utils/get-service';

const statusController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: { body: unknown }) {
    const mapping = getService(strapi, 'mapping');
    const configured = mapping.configured();
    ctx.body = {
      plugin: pkg.strapi.name,
      version: pkg.version,
      configured,
      /** where the mapping goes (config/plugins.ts or .js) */
      configFile: mapping.file(),
      mapping: configured ? mapping.summary() : null,
    };
  },
});

export default statusController;
