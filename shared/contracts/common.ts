import { z } from 'zod';

export const idSchema = z.uuid({ message: 'This id is not in the right format.' });
export const timestampSchema = z.iso.datetime();

/** Trimmed, non-empty text with a length limit and messages a person can act on ("Enter your name"). */
export function text(label: string, max: number, whenEmpty = `Enter ${label.toLowerCase()}.`) {
  return z
    .string({ message: `${label} must be text.` })
    .trim()
    .min(1, { message: whenEmpty })
    .max(max, { message: `${label} can be at most ${max} characters.` });
}

export const idParamsSchema = z.object({ id: idSchema });
