import type { Core } from '@strapi/strapi';
import { say, type Said } from '../domain/messages';
import type { RuleError } from '../domain/rule-error';
import { shown } from '../rules/said';
import { notFound } from '../rules/said-errors';
import { throwIfErrors } from '../rules/validation-error';

type Problem = RuleError & { path: string[] };

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const problem = (path: string[], said: Said): Problem => ({ path, ...said });
const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim() !== '' && v.length <= max;
const address = (v: unknown) => typeof v === 'string' && v.length <= 320 && (EMAIL.test(v) || /<[^<>]+@[^<>]+>$/.test(v));

/** What the email plugin's send needs: recipients, a subject, a text or HTML body. */
export function emailProblems(options: unknown): Problem[] {
  if (!isObject(options)) return [problem([], say('emailNotObject'))];
  const out = Object.keys(options)
    .filter((k) => !['to', 'cc', 'bcc', 'from', 'replyTo', 'subject', 'text', 'html', 'attachments', 'headers'].includes(k))
    .map((k) => problem([k], say('emailUnknownField', { field: k })));
  for (const field of ['to', 'cc', 'bcc', 'from', 'replyTo']) {
    const value = options[field];
    if (value === undefined && field !== 'to') continue;
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || !list.every(address)) out.push(problem([field], say('emailAddressExpected', { field })));
  }
  if (!text(options.subject, 998)) out.push(problem(['subject'], say('emailSubjectRequired')));
  if (!text(options.text, 5_000_000) && !text(options.html, 5_000_000)) out.push(problem(['text'], say('emailBodyRequired')));
  return out;
}

/** A users-permissions role as the database will store it. */
function roleProblems(data: unknown, creating: boolean, attributes: Record<string, unknown>): Problem[] {
  if (!isObject(data)) return [problem([], say('roleNotObject'))];
  const out = Object.keys(data)
    .filter((k) => !(k in attributes) && !['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'].includes(k))
    .map((k) => problem([k], say('roleUnknownField', { field: k })));
  if ((creating || data.name !== undefined) && !text(data.name, 255)) out.push(problem(['name'], say('roleNameRequired')));
  if (data.description !== undefined && data.description !== null && (typeof data.description !== 'string' || data.description.length > 10_000)) {
    out.push(problem(['description'], say('roleDescriptionText')));
  }
  return out;
}

const refuse = (problems: Problem[]) => throwIfErrors(problems);

/**
 * Plugin routes that do not validate their input, guarded where the plugin hands it over, so
 * after authentication: the email plugin's send (a 500 on anything malformed; the plugin turns an
 * error with statusCode 400 into a 400), users-permissions roles (created from junk, nameless)
 * and user deletion (a 204 for no user).
 */
export function guardPluginInputs(strapi: Core.Strapi): void {
  const email = strapi.plugin('email')?.service('email') as { send: (options: unknown) => Promise<unknown> } | undefined;
  if (email) {
    const send = email.send;
    email.send = async (options: unknown) => {
      const problems = emailProblems(options);
      if (problems.length) throw Object.assign(new Error(shown(problems[0])), { statusCode: 400 });
      return send.call(email, options);
    };
  }
  const ROLE = 'plugin::users-permissions.role';
  const attributes = ((strapi.getModel(ROLE as any) as any)?.attributes ?? {}) as Record<string, unknown>;
  strapi.db.lifecycles.subscribe({
    models: [ROLE],
    beforeCreate: (event: any) => refuse(roleProblems(event.params?.data, true, attributes)),
    beforeUpdate: (event: any) => refuse(roleProblems(event.params?.data, false, attributes)),
  });
  // DELETE /api/users/:id of no user answers 204 in users-permissions: a 404 instead
  const USER = 'plugin::users-permissions.user';
  strapi.db.lifecycles.subscribe({
    models: [USER],
    beforeDelete: async (event: any) => {
      if ((strapi.requestContext.get() as any)?.method !== 'DELETE' || !event.params?.where) return;
      if (!(await strapi.db.query(USER).findOne({ where: event.params.where, select: ['id'] }))) throw notFound(say('noSuchUser'));
    },
  });
}
