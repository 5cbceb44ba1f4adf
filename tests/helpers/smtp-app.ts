import { startSmtp } from './smtp';
import { testApp, type TestApp } from './strapi';

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/**
 * The test app of a file that sends mail: a local SMTP server started before the boot (the app reads
 * its address then), named in the environment with the sender, and closed after the file's tests.
 */
export function testAppWithSmtp(env: Record<string, string> = {}): { app: TestApp; smtp: Smtp } {
  let server: Smtp | undefined;
  const running = () => {
    if (!server) throw new Error('the SMTP server is not started yet: use it inside a hook or a test');
    return server;
  };
  const app = testApp({
    beforeBoot: async () => {
      server = await startSmtp();
      Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(server.port), SMTP_SECURE: 'false', EMAIL_FROM: 'recouvrement@alpha.example', ...env });
    },
  });
  afterAll(async () => {
    await server?.close().catch(() => undefined);
  });
  const smtp: Smtp = {
    get port() {
      return running().port;
    },
    get messages() {
      return running().messages;
    },
    close: () => running().close(),
  };
  return { app, smtp };
}
