import fs from 'fs';
import os from 'os';
import path from 'path';
import reportFilesService from '../../../src/plugins/credit-control/server/src/services/report-files';

/** A report drawn into a file: a failure mid-way removes the file and leaves no stream error unhandled. */
describe('report files', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'report-files-'));
  const files = reportFilesService({ strapi: { dirs: { app: { root } } } as any });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the PDF a draw makes and gives back what the draw returned', async () => {
    const { file, result } = await files.render('ok', 'Title', async (doc) => {
      doc.text('hello');
      doc.end();
      return 42;
    });
    expect(result).toBe(42);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rethrows a draw that fails while pages are still being written, removes the file, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for (let run = 0; run < 20; run += 1) {
        const failing = files.render(`failing-${run}`, 'Title', async (doc) => {
          // enough pages that some are still on their way to the file when the draw fails
          for (let page = 0; page < 40; page += 1) doc.addPage().text('x'.repeat(2000));
          await new Promise((resolve) => setImmediate(resolve));
          throw new Error('draw failed');
        });
        await expect(failing).rejects.toThrow('draw failed');
        expect(fs.existsSync(files.pathOf(`failing-${run}`))).toBe(false);
      }
      // a stream's late error would surface on the next turns
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    // 20 drawings of 40 pages: ~3 s on a quiet machine, more than jest's default 5 s on a slow or loaded one
  }, 60_000);
});
