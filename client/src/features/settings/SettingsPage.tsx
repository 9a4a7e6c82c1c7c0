import { Page } from '../../app/Page';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { ErrorSummary } from '../../components/ErrorSummary';
import { StatusMessage } from '../../components/StatusMessage';
import { getEmailPreferences } from '../notifications/notificationsApi';
import { EmailChoicesSection } from './EmailChoicesSection';

/** The signed-in person's own settings: for now, which notifications are emailed to them. */
export function SettingsPage() {
  const user = useSignedInUser();
  const [preferences] = useResource(user?.id ?? '', user ? getEmailPreferences : null);
  return (
    <Page title="Your settings" hasError={preferences.status === 'failed'}>
      <StatusMessage>{preferences.status === 'loading' ? 'Loading your settings…' : null}</StatusMessage>
      {preferences.status === 'failed' ? <ErrorSummary items={[{ message: preferences.error.message }]} /> : null}
      {preferences.status === 'ready' ? <EmailChoicesSection preferences={preferences.data} /> : null}
    </Page>
  );
}
