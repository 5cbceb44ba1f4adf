import { testApp } from '../../helpers/strapi';

// An upload whose multipart body is not multipart (the boundary never comes) is the client's fault: a 400, not a 500.
const app = testApp();

test.each(['<data><a>1</a></data>', 'data=1&x=2', 'plain text'])('POST /api/upload multipart with body %j', async (raw) => {
  const res = await app.api().post('/api/upload').set('Content-Type', 'multipart/form-data; boundary=zz').send(raw);
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/^Malformed multipart body: MultipartParser.end\(\): stream ended unexpectedly/);
});
