import type { ReactNode } from 'react';
import type { ApiError } from '../api/ApiError';
import { StatusMessage } from '../components/StatusMessage';
import { Page } from './Page';
import { Link } from './router';

/** Why a page's thing could not be loaded, and the way back to safe ground. */
export function LoadFailure({ error }: { error: ApiError }) {
  return (
    <>
      <p className="lead">{error.message}</p>
      <p>
        <Link href="/">Go to your workspaces</Link>
      </p>
    </>
  );
}

/** A whole page for a thing that could not be loaded: `notFound` when it is not there, `title` for any other failure. */
export function LoadFailedPage({ error, notFound, title }: { error: ApiError; notFound: string; title: string }) {
  return (
    <Page title={error.code === 'not_found' ? notFound : title} hasError>
      <LoadFailure error={error} />
    </Page>
  );
}

/** A whole page while its thing loads. */
export function LoadingPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title}>
      <StatusMessage>{children}</StatusMessage>
    </Page>
  );
}

/** The link above a page's heading, back to where it belongs. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="back-link-row">
      <Link className="back-link" href={href}>
        {children}
      </Link>
    </p>
  );
}
