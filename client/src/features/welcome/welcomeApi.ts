import { welcomeSchema, type Welcome } from '../../../../shared/contracts/welcome';
import { requestJson } from '../../api/http';

export const getWelcome = (): Promise<Welcome> => requestJson('GET', '/api/me/welcome', welcomeSchema);

/** `seen: true` puts the welcome away on every device; `false` brings it back. */
export const setWelcomeSeen = (seen: boolean): Promise<Welcome> =>
  requestJson('POST', '/api/me/welcome', welcomeSchema, { seen });
