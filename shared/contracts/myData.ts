import { z } from 'zod';

/**
 * A person's own data (docs/your-data.md): `GET /api/me/data` downloads it as a zip; `POST /api/me/delete`
 * deletes the account, asking for the password again and whether the person's recordings go too.
 */
export const deleteAccountBodySchema = z.strictObject({
  password: z
    .string({ message: 'Password must be text.' })
    .min(1, { message: 'Type the password you sign in with.' })
    .max(200, { message: 'Password can be at most 200 characters.' }),
  /** Default yes: every recording of theirs is withdrawn (audio deleted) through the usual withdrawal. */
  withdrawRecordings: z.boolean({ message: 'Say whether your recordings should be taken back too.' }).default(true),
});
export type DeleteAccountBody = z.input<typeof deleteAccountBodySchema>;

export const accountDeletedSchema = z.object({
  deleted: z.literal(true),
  /** How many recordings were withdrawn (their audio deleted) with the account. */
  recordingsWithdrawn: z.number().int().min(0),
  /** Recordings kept, under the consent given; credited to nobody by name. */
  recordingsKept: z.number().int().min(0),
});
export type AccountDeleted = z.infer<typeof accountDeletedSchema>;

/** What a deleted account's name becomes wherever the person's words are still shown. */
export const formerMemberName = 'a former member';
