import { meSchema, type LogInBody, type SignUpBody, type User } from '../../../../shared/contracts/auth';
import { requestEmpty, requestJson } from '../../api/http';

export const signUp = async (body: SignUpBody): Promise<User> =>
  (await requestJson('POST', '/api/auth/signup', meSchema, body)).user;

export const logIn = async (body: LogInBody): Promise<User> =>
  (await requestJson('POST', '/api/auth/login', meSchema, body)).user;

export const logOut = (): Promise<void> => requestEmpty('POST', '/api/auth/logout');

export const getMe = async (): Promise<User> => (await requestJson('GET', '/api/me', meSchema)).user;
