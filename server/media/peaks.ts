import { Writable } from 'node:stream';
import type { ClipPeaks } from '../../shared/contracts/clips';

/** Peaks are made from mono 16-bit PCM at this rate, 100 min/max pairs per second. */
export const PEAKS_SAMPLE_RATE = 8000;
export const PEAKS_PER_SECOND = 100;
const SAMPLES_PER_PEAK = PEAKS_SAMPLE_RATE / PEAKS_PER_SECOND;

/**
 * Takes raw s16le mono PCM as ffmpeg writes it and keeps only the lowest and highest sample of each
 * window, so a 30-minute clip costs 360,000 numbers, not 14 million samples. `emitClose: false`
 * because fluent-ffmpeg reports an error when its output stream closes before ffmpeg has exited.
 */
export class PeaksCollector extends Writable {
  private readonly mins: number[] = [];
  private readonly maxs: number[] = [];
  private windowMin = 0;
  private windowMax = 0;
  private inWindow = 0;
  private leftover: number | null = null;
  samples = 0;

  constructor() {
    super({ emitClose: false });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    let offset = 0;
    if (this.leftover !== null && chunk.length > 0) {
      // A sample split across two chunks.
      this.add(Buffer.from([this.leftover, chunk[0]!]).readInt16LE(0));
      this.leftover = null;
      offset = 1;
    }
    const end = chunk.length - ((chunk.length - offset) % 2);
    for (let i = offset; i < end; i += 2) this.add(chunk.readInt16LE(i));
    if (end < chunk.length) this.leftover = chunk[end]!;
    callback();
  }

  private add(sample: number): void {
    if (this.inWindow === 0 || sample < this.windowMin) this.windowMin = sample;
    if (this.inWindow === 0 || sample > this.windowMax) this.windowMax = sample;
    this.inWindow += 1;
    this.samples += 1;
    if (this.inWindow === SAMPLES_PER_PEAK) this.closeWindow();
  }

  private closeWindow(): void {
    this.mins.push(scale(this.windowMin));
    this.maxs.push(scale(this.windowMax));
    this.inWindow = 0;
  }

  /** Seconds of audio seen: the decoded length, exact to 1/8000 s. */
  get seconds(): number {
    return this.samples / PEAKS_SAMPLE_RATE;
  }

  result(): ClipPeaks {
    if (this.inWindow > 0) this.closeWindow();
    return {
      version: 1,
      sampleRate: PEAKS_SAMPLE_RATE,
      samplesPerPeak: SAMPLES_PER_PEAK,
      peaksPerSecond: PEAKS_PER_SECOND,
      duration: this.seconds,
      length: this.maxs.length,
      peaks: [this.maxs, this.mins],
    };
  }
}

/** -1…1 with four decimals: enough for any screen, and a third of the JSON of full doubles. */
const scale = (sample: number) => Math.round((sample / 32768) * 10_000) / 10_000;
