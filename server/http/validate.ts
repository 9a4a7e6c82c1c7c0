import type { ZodType, z } from 'zod';
import { AppError } from '../errors';

/** Parses request input; a failure becomes one 400 naming every field and what to do about it. */
export function parseOrThrow<S extends ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'path' | 'query' | 'message',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || where,
    message:
      issue.code === 'unrecognized_keys'
        ? `These fields are not expected here: ${issue.keys.join(', ')}.`
        : issue.message,
  }));
  const lead =
    where === 'path'
      ? 'That address is not valid'
      : where === 'query'
        ? 'The query is not valid'
        : 'Some details need fixing';
  throw new AppError('validation_failed', `${lead}: ${fields.map((f) => `${f.path}: ${f.message}`).join(' ')}`, {
    fields,
  });
}
