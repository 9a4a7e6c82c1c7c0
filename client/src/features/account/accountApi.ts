import { accountDeletedSchema, type AccountDeleted, type DeleteAccountBody } from '../../../../shared/contracts/myData';
import { requestJson } from '../../api/http';

/** Where "Download your data" points: the browser saves the zip the server streams. */
export const myDataDownloadPath = '/api/me/data';

export const deleteMyAccount = (body: DeleteAccountBody): Promise<AccountDeleted> =>
  requestJson('POST', '/api/me/delete', accountDeletedSchema, body);
