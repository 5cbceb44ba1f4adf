import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** What a file in this folder exports by default: a GraphQL extension built for this Strapi. */
export type GraphQLExtension = (strapi: Core.Strapi) => (args: { nexus: any; strapi: Core.Strapi }) => {
  typeDefs?: string;
  resolvers?: Record<string, Record<string, unknown>>;
  resolversConfig?: Record<string, unknown>;
};

/**
 * Every other file of this folder is one GraphQL extension (custom queries and mutations over the
 * domain services), so a new one is a file, not an edit here.
 */
export function registerGraphQLExtensions(strapi: Core.Strapi): void {
  if (!strapi.plugin('graphql')) return;
  const extension = strapi.plugin('graphql').service('extension');
  const files = fs.readdirSync(__dirname).filter((file) => /\.(js|ts)$/.test(file) && !/^index\./.test(file) && !file.endsWith('.d.ts'));
  for (const file of files.sort()) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const build: GraphQLExtension = require(path.join(__dirname, file)).default;
    if (typeof build === 'function') extension.use(build(strapi));
  }
}
