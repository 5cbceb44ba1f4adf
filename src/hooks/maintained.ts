import type { Core } from '@strapi/strapi';
import { sumsOf } from './customer-sums';
import { viewIndexOf } from './customer-view-index';

/** Rebuilds every maintained read model from the documents: after writes that bypass the document service (seeders, bulk loads). */
export async function rebuildMaintained(strapi: Core.Strapi): Promise<void> {
  await viewIndexOf(strapi).rebuild();
  await sumsOf(strapi).rebuild();
}
