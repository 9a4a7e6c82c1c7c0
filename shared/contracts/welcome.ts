import { z } from 'zod';

/**
 * The carers' first-visit welcome (docs/api.md, "The welcome"): `GET /api/me/welcome` says whether the signed-in
 * person has put it away; `POST /api/me/welcome` puts it away ("Got it") or brings it back ("Show the welcome
 * again" on the carers' help page). Kept per person on the server, so it stays away on every device.
 */
export const welcomeBodySchema = z.strictObject({
  seen: z.boolean({ message: 'Say whether the welcome has been seen: true or false.' }),
});
export type WelcomeBody = z.infer<typeof welcomeBodySchema>;

export const welcomeSchema = z.object({
  seen: z.boolean(),
  /** When it was put away; null while it has not been. */
  seenAt: z.string().nullable(),
});
export type Welcome = z.infer<typeof welcomeSchema>;
