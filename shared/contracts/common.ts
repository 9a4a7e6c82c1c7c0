import { z } from 'zod';

export const idSchema = z.uuid({ message: 'This id is not in the right format.' });
export const timestampSchema = z.iso.datetime();

/** Trimmed, non-empty text with a length limit and a message a person can act on. */
export function text(label: string, max: number) {
  return z
    .string({ message: `${label} must be text.` })
    .trim()
    .min(1, { message: `${label} cannot be empty.` })
    .max(max, { message: `${label} can be at most ${max} characters.` });
}

export const idParamsSchema = z.object({ id: idSchema });
