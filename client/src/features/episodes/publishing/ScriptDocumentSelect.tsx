import { useId, useState } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import { toApiError } from '../../../api/ApiError';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/useResource';
import { SelectField } from '../../../components/SelectField';
import { StatusMessage } from '../../../components/StatusMessage';
import { listDocuments } from '../../documents/documentsApi';
import { linkScriptDocument } from './publishingApi';

/** Which of the workspace's script documents this episode is written from (its co-writers are credited). */
export function ScriptDocumentSelect({ episode, onChanged }: { episode: Episode; onChanged(e: Episode): void }) {
  const id = useId();
  const [documents] = useResource(episode.workspaceId, () => listDocuments(episode.workspaceId, false));
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const scripts = documents.status === 'ready' ? documents.data.filter((d) => d.kind === 'script') : [];
  const linked = scripts.find((d) => d.id === episode.scriptDocumentId);

  const choose = async (value: string) => {
    setProblem(undefined);
    setStatus('Saving…');
    try {
      onChanged(await linkScriptDocument(episode.id, value === '' ? null : value));
      setStatus('Saved.');
    } catch (e) {
      setStatus('');
      setProblem(toApiError(e).message);
    }
  };

  if (documents.status === 'loading') return <p>Loading the scripts…</p>;
  if (documents.status === 'failed') return <p className="field__error">{documents.error.message}</p>;
  return (
    <div className="script-select">
      {episode.abilities.edit ? (
        <SelectField
          id={id}
          label="Script"
          hint="The script document this episode is written from. The people who wrote it are credited as co-writers, if they agreed to be named."
          error={problem}
          value={episode.scriptDocumentId ?? ''}
          onChange={(e) => void choose(e.target.value)}
          none="No script"
          options={scripts.map((d) => ({ value: d.id, label: d.title }))}
        />
      ) : (
        <p>{linked ? `Written from the script “${linked.title}”.` : 'No script is linked to this episode.'}</p>
      )}
      {linked ? (
        <p>
          <Link href={`/d/${encodeURIComponent(linked.id)}`}>Open “{linked.title}”</Link>
        </p>
      ) : null}
      <StatusMessage tone="success">{status}</StatusMessage>
    </div>
  );
}
