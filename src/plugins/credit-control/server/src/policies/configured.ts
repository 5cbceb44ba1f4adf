import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/** Every route but the status one: an installed plugin without its mapping answers "not configured". */
export default (_ctx: unknown, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const mapping = getService(strapi, 'mapping');
  if (mapping.configured()) return true;
  throw mapping.notConfigured();
};
