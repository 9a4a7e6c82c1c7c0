import type { SignUpBody } from '../../../../shared/contracts/auth';
import { formText } from '../../components/formText';

export const readAccount = (form: HTMLFormElement): SignUpBody => ({
  name: formText(form, 'name'),
  email: formText(form, 'email'),
  password: formText(form, 'password'),
});
