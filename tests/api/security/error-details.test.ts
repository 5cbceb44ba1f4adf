import { testApp } from '../../helpers/strapi';

// `npm run demo` runs with NODE_ENV=development, where Apollo adds the server's stack trace (with
// file paths) to every GraphQL error unless told not to; tests run with NODE_ENV=test, where it
// adds none by default, so the option itself is checked as well as the answers.
const app = testApp();

const hasStack = (value: unknown): boolean => /stacktrace|\/dist\/|node_modules|at [A-Za-z.<>]+ \(/.test(JSON.stringify(value));

describe('errors carry no server internals', () => {
  it('Apollo is told never to include stack traces, whatever NODE_ENV is', () => {
    expect(app.strapi.config.get('plugin::graphql.apolloServer.includeStacktraceInErrorResponses')).toBe(false);
  });

  it('GraphQL validation, refusal and unknown-field errors have no stack trace', async () => {
    const queries = [
      '{ nope }',
      'mutation { createInvoice(data: { customer: "no-such-customer", amountExclTax: 1 }) { documentId } }',
      '{ invoices(pagination: { limit: "x" }) { documentId } }',
    ];
    for (const query of queries) {
      const res = await app.api().post('/graphql').send({ query });
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(hasStack(res.body)).toBe(false);
    }
    const anonymous = await app.http.post('/graphql').send({ query: '{ invoices { documentId } }' });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(hasStack(anonymous.body)).toBe(false);
  });

  it('REST errors have none either', async () => {
    for (const res of [
      await app.api().post('/api/invoices').send({ data: { customer: 'no-such-customer' } }),
      await app.api().get('/api/invoices?filters[$and]=x'),
      await app.http.get('/api/invoices'),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(hasStack(res.body)).toBe(false);
    }
  });
});
