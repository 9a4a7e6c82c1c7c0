import { z } from 'zod';
import { text } from './common';

export const emailSchema = z
  .string({ message: 'Email must be text.' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'Email can be at most 254 characters.' })
  .pipe(z.email({ message: 'Enter an email address like name@example.com.' }));

export const newPasswordSchema = z
  .string({ message: 'Password must be text.' })
  // Length only: how guessable it is (common, or made from the person's name or email) is checked on the server.
  .min(8, { message: 'Choose a password of at least 8 characters.' })
  .max(200, { message: 'Password can be at most 200 characters.' });

export const signUpBodySchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: text('Name', 100, 'Enter your name.'),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const logInBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string({ message: 'Password must be text.' }).min(1, { message: 'Enter your password.' }).max(200),
});
export type LogInBody = z.infer<typeof logInBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({ user: userSchema });
export type Me = z.infer<typeof meSchema>;
