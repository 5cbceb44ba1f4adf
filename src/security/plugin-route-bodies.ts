import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { InputProblem } from './query-filters';

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const problem = (path: string[], message: string): InputProblem => ({ path, message, name: 'ValidationError' });
const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim() !== '' && v.length <= max;

function unknownKeys(body: Record<string, unknown>, allowed: string[]): InputProblem[] {
  return Object.keys(body).filter((k) => !allowed.includes(k)).map((k) => problem([k], `${k} is not a field of this request`));
}

/** POST /api/email (the email plugin's send): recipients, a subject and a text or HTML body. */
function emailBody(body: unknown): InputProblem[] {
  if (!isObject(body)) return [problem([], 'the body must be an object { to, subject, text | html }')];
  const out = unknownKeys(body, ['to', 'cc', 'bcc', 'from', 'replyTo', 'subject', 'text', 'html']);
  for (const field of ['to', 'cc', 'bcc', 'from', 'replyTo']) {
    const value = body[field];
    if (value === undefined && field !== 'to') continue;
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || !list.every((v) => typeof v === 'string' && v.length <= 320 && EMAIL.test(v))) out.push(problem([field], `${field} must be an email address`));
  }
  if (!text(body.subject, 998)) out.push(problem(['subject'], 'subject is required (1 to 998 characters)'));
  if (!text(body.text, 1_000_000) && !text(body.html, 1_000_000)) out.push(problem(['text'], 'text or html is required'));
  return out;
}

/** POST/PUT /api/users-permissions/roles[/:id]: a name, an optional description and permissions. */
function roleBody(body: unknown, creating: boolean): InputProblem[] {
  if (!isObject(body)) return [problem([], 'the body must be an object { name, description, permissions }')];
  const out = unknownKeys(body, ['name', 'description', 'permissions', 'users', 'type']);
  if ((creating || body.name !== undefined) && !text(body.name, 255)) out.push(problem(['name'], 'name is required (1 to 255 characters)'));
  if (body.description !== undefined && body.description !== null && (typeof body.description !== 'string' || body.description.length > 10_000)) {
    out.push(problem(['description'], 'description must be a text'));
  }
  if (body.type !== undefined && !text(body.type, 255)) out.push(problem(['type'], 'type must be a text'));
  if (body.permissions !== undefined && !isObject(body.permissions)) out.push(problem(['permissions'], 'permissions must be an object'));
  if (body.users !== undefined && !Array.isArray(body.users)) out.push(problem(['users'], 'users must be a list'));
  return out;
}

/** POST /api/credit-control/reconcile: only `fix` (a boolean). */
function reconcileBody(body: unknown): InputProblem[] {
  if (body === undefined || body === null || (isObject(body) && Object.keys(body).length === 0)) return [];
  if (!isObject(body)) return [problem([], 'the body must be an object { fix }')];
  const out = unknownKeys(body, ['fix']);
  if (body.fix !== undefined && typeof body.fix !== 'boolean') out.push(problem(['fix'], 'fix must be true or false'));
  return out;
}

/**
 * Bodies of plugin content-API routes that do not validate their input (a 500, or a role written
 * from junk). Their controllers are the plugins'; the checks sit in front of them.
 */
export async function checkPluginRouteBody(strapi: Core.Strapi, ctx: any): Promise<void> {
  const { method, path } = ctx;
  const body = ctx.request.body;
  let problems: InputProblem[] = [];
  if (method === 'POST' && path === '/api/email') problems = emailBody(body);
  else if (method === 'POST' && path === '/api/users-permissions/roles') problems = roleBody(body, true);
  else if (method === 'PUT' && /^\/api\/users-permissions\/roles\/[^/]+$/.test(path)) problems = roleBody(body, false);
  else if (method === 'POST' && path === '/api/credit-control/reconcile') problems = reconcileBody(body);
  else {
    const credit = /^(?:\/api)?\/credit-control\/(policies|rates)\/([^/]+)$/.exec(path);
    if (credit && ['PUT', 'DELETE'].includes(method)) {
      // the plugin would audit an update of nothing ("policy update", before and after null)
      const uid = credit[1] === 'policies' ? 'plugin::credit-control.policy' : 'plugin::credit-control.rate';
      if (!(await strapi.db.query(uid as any).findOne({ where: { documentId: credit[2] }, select: ['id'] }))) {
        throw new errors.NotFoundError(`no ${credit[1] === 'policies' ? 'policy' : 'rate'} ${credit[2].slice(0, 40)}`);
      }
    }
    const user = /^\/api\/users\/([^/]+)$/.exec(path);
    if (user && user[1] !== 'me' && user[1] !== 'count' && ['PUT', 'DELETE'].includes(method)) {
      if (!/^\d{1,15}$/.test(user[1])) problems = [problem(['id'], `${user[1].slice(0, 40)} is not a user id`)];
      else if (!(await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: Number(user[1]) }, select: ['id'] }))) {
        throw new errors.NotFoundError(`no user ${user[1]}`);
      }
    }
  }
  if (problems.length) throw new errors.ValidationError(problems[0].message, { errors: problems });
}
