import { documentImageRules } from '../../../shared/contracts/documentImages';

/** Field ids of the image dialog, so error summaries can jump to them. */
export const imageFieldIds = { file: 'image-file', alt: 'image-alt', decorative: 'image-decorative' } as const;

export interface ImageProblems {
  file?: string;
  alt?: string;
}

/**
 * What is wrong with the dialog's answers before anything is sent: no file, a file too big, no description
 * without the decoration box. The kind of file is left to the server, which reads its first bytes.
 */
export function imageChoiceProblems(answers: {
  file: File | null | undefined;
  needsFile: boolean;
  alt: string;
  decorative: boolean;
}): ImageProblems {
  const problems: ImageProblems = {};
  if (answers.needsFile && !answers.file) problems.file = 'Choose an image to add.';
  else if (answers.file && answers.file.size > documentImageRules.maxBytes)
    problems.file = 'This image is larger than 10 MB. Choose a smaller one, or save it smaller first.';
  if (!answers.decorative && answers.alt.trim() === '')
    problems.alt = 'Describe the image, or tick “This image is only decoration”.';
  else if (answers.alt.trim().length > documentImageRules.maxAltLength)
    problems.alt = `Keep the description to ${documentImageRules.maxAltLength} characters or fewer.`;
  return problems;
}
