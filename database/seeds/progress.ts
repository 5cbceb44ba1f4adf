/** One progress bar per type on stderr (cli-progress), with rows per second; silent when disabled. */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

interface Track {
  bar: SingleBar | null;
  total: number;
  done: number;
  shown: number;
  step: number;
  started: number;
}

export class Progress {
  private readonly multibar: MultiBar | null;
  private readonly tracks = new Map<string, Track>();

  constructor(enabled: boolean) {
    this.multibar = enabled
      ? new MultiBar(
          {
            stream: process.stderr,
            format: '{label} |{bar}| {percentage}% {value}/{total} | {rate} rows/s | eta {eta_formatted}',
            hideCursor: true,
            clearOnComplete: false,
            fps: 5,
            noTTYOutput: !process.stderr.isTTY,
            notTTYSchedule: 5000,
          },
          Presets.shades_classic
        )
      : null;
  }

  /** Declares a type with its expected count; bars appear in the order they are declared. */
  start(label: string, total: number): void {
    if (this.tracks.has(label) || total <= 0) return;
    const bar = this.multibar ? this.multibar.create(total, 0, { label: label.padEnd(22), rate: '0' }) : null;
    this.tracks.set(label, { bar, total, done: 0, shown: 0, step: Math.max(1, Math.floor(total / 400)), started: Date.now() });
  }

  tick(label: string, count = 1): void {
    const track = this.tracks.get(label);
    if (!track) return;
    track.done += count;
    if (track.bar && (track.done - track.shown >= track.step || track.done >= track.total)) {
      track.shown = track.done;
      const seconds = Math.max((Date.now() - track.started) / 1000, 0.001);
      track.bar.update(track.done, { rate: Math.round(track.done / seconds).toLocaleString('en-US') });
    }
  }

  stop(): void {
    this.multibar?.stop();
  }
}
