import type { LogInBody, SignUpBody } from '../../../shared/contracts/auth';
import { assertStrongPassword } from '../../auth/passwordStrength';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords';
import type { UsersTable } from '../../db/schema';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { signUpRefused } from './signUpRefusal';

/**
 * Makes an account, or refuses without saying whether the email already has one. Someone who already has an
 * account and types its password is signed in to it (they forgot they had one); one scrypt either way, so the
 * answers take as long as each other.
 */
export async function signUp(services: Services, input: SignUpBody): Promise<UsersTable> {
  await assertStrongPassword(input.password, input);
  const existing = await services.users.findByEmail(input.email);
  if (existing) {
    if (await verifyPassword(input.password, existing.password_hash)) return existing;
    throw signUpRefused();
  }
  const user = await services.users.create({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  // Made a moment ago by someone else.
  if (!user) throw signUpRefused();
  return user;
}

/** One answer for a wrong email and a wrong password, so sign-in does not reveal who has an account. */
export async function logIn(services: Services, input: LogInBody): Promise<UsersTable> {
  const user = await services.users.findByEmail(input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash));
  if (!user || !ok) {
    throw new AppError('invalid_credentials', 'The email or password is not right. Check them and try again.');
  }
  return user;
}
