import { Button } from '../components/Button';
import { Page } from './Page';
import type { ApiError } from '../api/ApiError';

export function UnreachablePage({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  return (
    <Page title="Chorus is not available right now" hasError>
      <p className="lead">{error.message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </Page>
  );
}
