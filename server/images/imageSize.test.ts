import { describe, expect, it } from 'vitest';
import { ffmpegImage } from '../../tests/support/images';
import { readImageInfo } from './imageSize';

const u16 = (n: number) => [n >> 8, n & 0xff];

describe('readImageInfo', () => {
  it('reads the size of PNG and JPEG files that ffmpeg wrote', () => {
    expect(readImageInfo(ffmpegImage('1400x1400', 'png'))).toEqual({ type: 'image/png', width: 1400, height: 1400 });
    expect(readImageInfo(ffmpegImage('1200x800', 'png'))).toEqual({ type: 'image/png', width: 1200, height: 800 });
    expect(readImageInfo(ffmpegImage('320x298', 'mjpeg'))).toEqual({ type: 'image/jpeg', width: 320, height: 298 });
    expect(readImageInfo(ffmpegImage('18x10', 'mjpeg'))).toEqual({ type: 'image/jpeg', width: 18, height: 10 });
  }, 30_000);

  it('reads the size of lossy, lossless and extended WebP files', () => {
    expect(readImageInfo(ffmpegImage('640x480', 'webp'))).toEqual({ type: 'image/webp', width: 640, height: 480 });
    expect(readImageInfo(ffmpegImage('34x18', 'webp-lossless'))).toEqual({ type: 'image/webp', width: 34, height: 18 });
    const vp8x = Buffer.alloc(30);
    vp8x.write('RIFF', 0, 'latin1');
    vp8x.write('WEBPVP8X', 8, 'latin1');
    vp8x.writeUIntLE(4999, 24, 3);
    vp8x.writeUIntLE(2, 27, 3);
    expect(readImageInfo(vp8x)).toEqual({ type: 'image/webp', width: 5000, height: 3 });
  }, 30_000);

  it('goes by the bytes, not by what a file claims to be', () => {
    // Text saved as "photo.png" or "photo.webp" is still text.
    expect(readImageInfo(Buffer.from('Minutes of the carers’ meeting, 3 March.\n'.repeat(4)))).toBeNull();
    const riffWave = Buffer.alloc(44);
    riffWave.write('RIFF', 0, 'latin1');
    riffWave.write('WAVEfmt ', 8, 'latin1');
    expect(readImageInfo(riffWave)).toBeNull();
    const brokenVp8 = Buffer.from(ffmpegImage('64x64', 'webp'));
    brokenVp8[23] = 0; // the lossy start code, spoiled
    expect(readImageInfo(brokenVp8)).toBeNull();
  }, 30_000);

  it('finds a progressive frame header after EXIF data, a restart marker and fill bytes', () => {
    const exif = [0xff, 0xe1, ...u16(8), 0x45, 0x78, 0x69, 0x66, 0, 0];
    const sof2 = [0xff, 0xc2, ...u16(11), 8, ...u16(2000), ...u16(1600), 1, 1, 0x11, 0];
    const jpeg = Buffer.from([0xff, 0xd8, ...exif, 0xff, 0xd0, 0xff, 0xff, ...sof2, 0xff, 0xd9]);
    expect(readImageInfo(jpeg)).toEqual({ type: 'image/jpeg', width: 1600, height: 2000 });
  });

  it('does not mistake a Huffman table (C4) for a frame header', () => {
    const dht = [0xff, 0xc4, ...u16(6), 1, 2, 3, 4];
    const sof0 = [0xff, 0xc0, ...u16(11), 8, ...u16(5), ...u16(7), 1, 1, 0x11, 0];
    expect(readImageInfo(Buffer.from([0xff, 0xd8, ...dht, ...sof0]))).toEqual({
      type: 'image/jpeg',
      width: 7,
      height: 5,
    });
  });

  it('answers null for other formats, text and headers cut short', () => {
    expect(readImageInfo(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull();
    expect(readImageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(readImageInfo(Buffer.alloc(0))).toBeNull();
    const png = ffmpegImage('16x16', 'png');
    expect(readImageInfo(png.subarray(0, 20))).toBeNull();
    const jpeg = ffmpegImage('16x16', 'mjpeg');
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    expect(readImageInfo(jpeg.subarray(0, sof + 5))).toBeNull();
    // A frame header only after the scan has started is not one we trust.
    expect(
      readImageInfo(Buffer.from([0xff, 0xd8, 0xff, 0xda, ...u16(2), 0xff, 0xc0, ...u16(11), 8, 0, 5, 0, 5])),
    ).toBeNull();
  }, 30_000);
});
