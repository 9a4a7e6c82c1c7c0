import { Page } from '../../app/Page';
import { useSignedInUser } from '../../app/useSignedInUser';
import { DeleteMyAccount } from './DeleteMyAccount';
import { DownloadMyData } from './DownloadMyData';

/** The person's own account: their data to take away, and deleting the account. */
export function AccountPage() {
  const user = useSignedInUser();
  if (!user) return null;
  return (
    <Page title="Your account">
      <p className="lead">
        You are signed in as {user.name} ({user.email}).
      </p>
      <DownloadMyData />
      <DeleteMyAccount />
    </Page>
  );
}
