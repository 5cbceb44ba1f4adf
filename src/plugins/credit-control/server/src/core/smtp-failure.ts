import { say, type MessageCode, type Said } from './messages';

/** Where the email plugin sends mail (its provider options), when it says. */
export interface MailServer {
  host?: unknown;
  port?: unknown;
}

export interface SmtpFailure {
  said: Said;
  /** what the 502 carries for programs and administrators: the code, the server, and its own words */
  details: { code: MessageCode; server: string; cause: string };
}

// nodemailer's and Node's error codes, and the words of the first line of their messages
const KINDS: [RegExp, MessageCode][] = [
  [/ECONNREFUSED/, 'smtpRefused'],
  [/ENOTFOUND|EAI_AGAIN|EDNS/, 'smtpUnknownHost'],
  [/ETIMEDOUT|ETIMEOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|Greeting never received|timeout/i, 'smtpNoAnswer'],
  [/EAUTH/, 'smtpLoginRefused'],
  [/EENVELOPE/, 'smtpRecipientsRefused'],
];

/**
 * A failed send in a clerk's words, naming the mail server (host:port from the email plugin's
 * config, else from the error); the raw cause stays in `details.cause` for whoever fixes it.
 */
export function smtpFailure(error: unknown, configured: MailServer = {}): SmtpFailure {
  const e = (error ?? {}) as { message?: unknown; code?: unknown; address?: unknown; hostname?: unknown; port?: unknown };
  const cause = typeof e.message === 'string' && e.message ? e.message : String(error);
  const facts = [cause, e.code].filter((v) => typeof v === 'string').join(' ');
  const code = KINDS.find(([pattern]) => pattern.test(facts))?.[1] ?? 'smtpFailed';
  const host = configured.host ?? e.address ?? e.hostname;
  const port = configured.port ?? e.port;
  const server = host ? (port ? `${String(host)}:${String(port)}` : String(host)) : 'SMTP';
  return { said: say(code, { server }), details: { code, server, cause } };
}
