import { useState } from 'react';
import type { SearchResult } from '../../../../shared/contracts/search';
import { Link } from '../../app/router';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { clockTime } from '../clips/clipWords';
import { searchWorkspace } from './searchApi';

const ids = { q: 'workspace-search' };

const kindWords: Record<SearchResult['kind'], string> = { clip: 'Clip', document: 'Document', episode: 'Episode' };

/** Where a result opens: a clip at the moment the words are said (and plays from there). */
export function resultHref(r: SearchResult): string {
  if (r.kind === 'clip') return `/c/${encodeURIComponent(r.id)}${r.atSeconds !== undefined ? `#t=${r.atSeconds}` : ''}`;
  return r.kind === 'document' ? `/d/${encodeURIComponent(r.id)}` : `/e/${encodeURIComponent(r.id)}`;
}

/** Search the workspace's clip transcripts, documents and episodes; the results are links. */
export function SearchBox({ workspaceId }: { workspaceId: string }) {
  const [found, setFound] = useState<{ q: string; results: SearchResult[] } | null>(null);
  const form = useSubmitForm(ids, {
    read: (f) => formText(f, 'q').trim(),
    check: (q) => (q === '' ? [{ path: 'q', message: 'Write a word to look for, such as respite' }] : []),
    send: async (q) => setFound({ q, results: await searchWorkspace(workspaceId, q) }),
  });
  const summary = found
    ? found.results.length === 0
      ? `Nothing found for “${found.q}”.`
      : `${found.results.length} ${found.results.length === 1 ? 'result' : 'results'} for “${found.q}”.`
    : '';
  return (
    <section className="section search" aria-labelledby="search-heading" role="search">
      <h2 className="heading-m" id="search-heading">
        Search this workspace
      </h2>
      <FormWithSummary form={form}>
        <div className="search__row">
          <TextField
            id={ids.q}
            name="q"
            type="search"
            label="Words to look for"
            hint="In what people said in the recordings, in the documents, and in episode titles and notes"
            autoComplete="off"
            error={form.problems.fieldError('q')}
            after={
              <button type="submit" className="button button--secondary" aria-disabled={form.busy || undefined}>
                Search
              </button>
            }
          />
        </div>
      </FormWithSummary>
      <StatusMessage>{summary}</StatusMessage>
      {found && found.results.length > 0 ? (
        <ul className="card-list search__results">
          {found.results.map((r) => (
            <li className="card-list__item" key={`${r.kind}:${r.id}`}>
              <Link className="card-list__link" href={resultHref(r)}>
                {r.title}
              </Link>
              <span className="card-list__meta">
                {kindWords[r.kind]}
                {r.atSeconds !== undefined ? ` at ${clockTime(r.atSeconds)}` : ''}: {r.snippet}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
