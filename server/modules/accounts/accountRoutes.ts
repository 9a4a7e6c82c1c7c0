import { logInBodySchema, meSchema, signUpBodySchema } from '../../../shared/contracts/auth';
import { loginRateLimiters, signUpRateLimiters, type LoginRateLimitOptions } from '../../auth/loginRateLimit';
import { endSession, startSession } from '../../auth/sessions';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { logIn, signUp } from './accountOperations';
import { presentUser } from './userRepository';

export function accountRoutes(api: Api, services: Services, rateLimit: LoginRateLimitOptions): void {
  api.router.post('/api/auth/signup', ...signUpRateLimiters(rateLimit));
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/auth/signup',
      tag: 'accounts',
      summary: 'Create an account and sign in (rate-limited; never says whether an email has an account)',
      auth: 'public',
      body: signUpBodySchema,
      status: 201,
      response: meSchema,
    },
    async ({ body, res }) => {
      const user = await signUp(services, body);
      await startSession(services, res, user.id);
      return { user: presentUser(user) };
    },
  );

  api.router.post('/api/auth/login', ...loginRateLimiters(rateLimit));
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/auth/login',
      tag: 'accounts',
      summary: 'Sign in',
      auth: 'public',
      body: logInBodySchema,
      response: meSchema,
    },
    async ({ body, res }) => {
      const user = await logIn(services, body);
      await startSession(services, res, user.id);
      return { user: presentUser(user) };
    },
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/auth/logout',
      tag: 'accounts',
      summary: 'Sign out (ends this session)',
      auth: 'optional',
      response: null,
    },
    async ({ req, res }) => {
      await endSession(services, req, res);
    },
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/me',
      tag: 'accounts',
      summary: 'The signed-in person',
      auth: 'user',
      response: meSchema,
    },
    async ({ user }) => ({
      user: presentUser(user),
    }),
  );
}
