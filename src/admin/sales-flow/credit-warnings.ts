/**
 * The credit-control warnings of a write, read from the plugin's public response header
 * (X-Credit-Control-Warning: URI-encoded messages, comma-separated; see the plugin README).
 */
export const creditWarnings = (headers: Headers | undefined): string[] =>
  (headers?.get('x-credit-control-warning') ?? '')
    .split(',')
    .map((part) => decodeURIComponent(part.trim()))
    .filter((message) => message !== '');
