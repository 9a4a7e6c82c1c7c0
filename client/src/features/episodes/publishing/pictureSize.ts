import { artworkRules, artworkRuleSentence, artworkSizeProblem } from '../../../../../shared/contracts/publishing';

/** The picture's pixel size as the browser decodes it, or null when it cannot be read as a picture. */
export async function readPictureSize(file: File): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

/**
 * What is wrong with a chosen picture, in the server's own words, before anything is sent; null when it
 * looks right. The server checks again from the file's bytes.
 */
export async function pictureProblem(file: File): Promise<string | null> {
  if (!(artworkRules.types as readonly string[]).includes(file.type))
    return `This file is not a PNG or JPEG picture. Choose a PNG or JPEG: ${artworkRuleSentence}.`;
  if (file.size > artworkRules.maxBytes)
    return 'This picture is larger than the 10 MB limit. Save a smaller file and upload it again.';
  const size = await readPictureSize(file);
  if (!size) return `We could not open this picture. Choose a PNG or JPEG: ${artworkRuleSentence}.`;
  return artworkSizeProblem(size.width, size.height);
}
