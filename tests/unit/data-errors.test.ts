import dataErrors from '../../src/middlewares/data-errors';

// PostgreSQL's refusals that are not the server's fault: a data exception is a 400, a lost deadlock a 409.
const run = async (error: unknown) => {
  const koa = { throw: (status: number, message: string) => { throw Object.assign(new Error(message), { status }); } };
  try {
    await dataErrors(undefined, { strapi: {} as any })(koa, async () => { throw error; });
  } catch (thrown: any) {
    return thrown;
  }
  return undefined;
};

test('a deadlock or serialization failure is a 409 the client can retry', async () => {
  for (const code of ['40P01', '40001']) {
    const thrown = await run(Object.assign(new Error('deadlock detected'), { code }));
    expect([thrown.status, thrown.message]).toEqual([409, expect.stringMatching(/^Conflict: .*nothing was written, try again$/)]);
  }
});

test('a data exception is a 400 with the reason; anything else passes through', async () => {
  expect((await run({ code: '22001' })).message).toBe('Invalid input: a text is too long');
  const other = new Error('boom');
  expect(await run(other)).toBe(other);
});
