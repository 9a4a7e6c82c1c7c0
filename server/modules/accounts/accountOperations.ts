import type { LogInBody, SignUpBody } from '../../../shared/contracts/auth';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords';
import type { UsersTable } from '../../db/schema';
import { AppError } from '../../errors';
import type { Services } from '../../services';

export async function signUp(services: Services, input: SignUpBody): Promise<UsersTable> {
  const user = await services.users.create({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  if (!user) {
    throw new AppError(
      'conflict',
      'There is already an account with this email. Sign in instead, or use another email.',
      {
        fields: [{ path: 'email', message: 'There is already an account with this email. Sign in instead.' }],
      },
    );
  }
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
