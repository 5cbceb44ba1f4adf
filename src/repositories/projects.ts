import type { Core } from '@strapi/strapi';
import type { ProjectFacts } from '../domain/billing-resolution';
import type { RelationRef } from '../rules/relation-input';
import { readOnce } from './write-reads';

const REF = { select: ['id', 'documentId'] };

/** A project's sold-to parties, read once per write (write-reads.ts). */
export async function findProject(strapi: Core.Strapi, ref: RelationRef | undefined): Promise<(ProjectFacts & { documentId: string; code: string }) | null> {
  if (!ref) return null;
  return readOnce('project', ref, () => readProject(strapi, ref));
}

async function readProject(strapi: Core.Strapi, ref: NonNullable<RelationRef>): Promise<(ProjectFacts & { documentId: string; code: string }) | null> {
  const row = await strapi.db.query('api::project.project').findOne({
    where: ref,
    select: ['id', 'documentId', 'code', 'multiCustomer'],
    populate: { customer: REF, endCustomer: REF, customers: REF },
  });
  if (!row) return null;
  return { ...row, multiCustomer: Boolean(row.multiCustomer), customers: row.customers ?? [] };
}
