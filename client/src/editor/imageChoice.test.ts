import { describe, expect, it } from 'vitest';
import { imageChoiceProblems } from './imageChoice';

const file = (size: number) => ({ size }) as File;

describe('the image dialog’s checks', () => {
  it('asks for a file, a description or the decoration box', () => {
    expect(imageChoiceProblems({ file: null, needsFile: true, alt: '', decorative: false })).toEqual({
      file: 'Choose an image to add.',
      alt: 'Describe the image, or tick “This image is only decoration”.',
    });
    expect(imageChoiceProblems({ file: file(10), needsFile: true, alt: '  ', decorative: true })).toEqual({});
    expect(imageChoiceProblems({ file: file(10), needsFile: true, alt: 'A garden', decorative: false })).toEqual({});
  });

  it('refuses a file over 10 MB before sending it, and needs no file when only the description changes', () => {
    expect(
      imageChoiceProblems({ file: file(10 * 1024 * 1024 + 1), needsFile: true, alt: 'x', decorative: false }).file,
    ).toBe('This image is larger than 10 MB. Choose a smaller one, or save it smaller first.');
    expect(imageChoiceProblems({ file: null, needsFile: false, alt: 'A garden', decorative: false })).toEqual({});
    expect(imageChoiceProblems({ file: null, needsFile: false, alt: 'x'.repeat(1001), decorative: false }).alt).toMatch(
      /1000 characters/,
    );
  });
});
