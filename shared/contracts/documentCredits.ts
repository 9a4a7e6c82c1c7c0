import { z } from 'zod';
import { roleSchema } from '../roles';

/** What a person did for a document, in the order acknowledgements list them. */
export const contributionSchema = z.enum(['wrote', 'quoted', 'commented']);
export type Contribution = z.infer<typeof contributionSchema>;

/** `GET /api/documents/:id/credits`: who took part, named only as they agreed to be credited. */
export const documentCreditsSchema = z.object({
  credits: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      contributions: z.array(contributionSchema),
    }),
  ),
  /** People who took part and did not agree to be named: only counted. */
  unnamedCount: z.number().int().nonnegative(),
  unnamedByRole: z.array(z.object({ role: roleSchema, count: z.number().int().positive() })),
  /** The acknowledgements as exports print them, from the lists above. */
  acknowledgements: z.array(z.string()),
});
export type DocumentCredits = z.infer<typeof documentCreditsSchema>;
