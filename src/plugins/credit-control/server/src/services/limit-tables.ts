import type { Core } from '@strapi/strapi';

/**
 * The engine's tables of a party's limits beside its policy: temporary limits and the credit
 * insurer's cover. Amounts in bigint minor units (exact on every database), days as ISO strings
 * (YYYY-MM-DD, compared as text on every database).
 */
export const LIMIT_TABLES = {
  temporary: 'credit_control_temporary_limits',
  insurance: 'credit_control_insurances',
} as const;

export async function ensureLimitTables(strapi: Core.Strapi): Promise<void> {
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(LIMIT_TABLES.temporary))) {
    await schema().createTable(LIMIT_TABLES.temporary, (table) => {
      table.increments('id');
      table.string('party', 64).notNullable();
      table.bigInteger('amount_minor').notNullable();
      table.string('currency', 3).notNullable();
      table.string('starts_on', 10).notNullable();
      table.string('ends_on', 10).notNullable();
      table.text('reason');
      table.timestamp('created_at', { useTz: true }).notNullable();
      table.string('created_by', 255);
      table.index(['party', 'ends_on']);
    });
  }
  if (!(await schema().hasTable(LIMIT_TABLES.insurance))) {
    await schema().createTable(LIMIT_TABLES.insurance, (table) => {
      table.string('party', 64).primary();
      table.string('insurer', 255).notNullable();
      table.string('reference', 255).notNullable();
      table.bigInteger('insured_minor').notNullable();
      table.string('currency', 3).notNullable();
      table.string('expires_on', 10);
      table.timestamp('updated_at', { useTz: true }).notNullable();
      table.string('updated_by', 255);
    });
  }
}
