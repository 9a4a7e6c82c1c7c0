import type { z } from 'zod';
import type { FieldProblem } from '../../../shared/errors';

/** What a shared schema finds wrong with a form's values, as problems by field path, so a form can name them before sending. */
export function schemaProblems(schema: z.ZodType, values: unknown): FieldProblem[] {
  const checked = schema.safeParse(values);
  if (checked.success) return [];
  return checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
