import { Page } from './Page';
import { Link } from './router';

export function NotFoundPage() {
  return (
    <Page title="Page not found" hasError>
      <p className="lead">There is nothing at this address. If you typed it, check it is correct.</p>
      <p>
        <Link href="/">Go to your workspaces</Link>
      </p>
    </Page>
  );
}
