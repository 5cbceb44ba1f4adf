import { bootForeignApp, createForeignApp } from './foreign-app';
test('boots', async () => {
  const t0 = Date.now();
  const app = createForeignApp();
  console.log('generated', Date.now() - t0, app.appDir, app.packed);
  const running = await bootForeignApp(app.appDir).catch((e) => { console.log(e.message, e.output?.()); throw e; });
  console.log('booted', Date.now() - t0, running.url);
  const res = await fetch(`${running.url}/api/credit-control/status`, { headers: { Authorization: `Bearer ${running.token}` } });
  console.log(res.status, await res.text());
  await running.stop();
  console.log(running.output().slice(-2000));
});
