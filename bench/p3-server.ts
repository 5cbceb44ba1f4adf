/** A bench Strapi process for P3: boots the compiled app (env from the parent), listens, says ready. */
import { APP_DIR, DIST_DIR, benchEnv } from './boot';

async function main(): Promise<void> {
  benchEnv({});
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: DIST_DIR }).start();
  process.send?.({ ready: true });
  process.on('message', async (message: { stop?: boolean }) => {
    if (!message?.stop) return;
    await strapi.destroy();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
