import { lazy, Suspense, useEffect, useRef } from 'react';
import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { useResource } from '../../../app/useResource';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { RestoreVersion } from './RestoreVersion';
import { versionBody } from './versionsApi';
import { versionByline, versionTitle } from './versionWords';

// Tiptap is loaded with the editor already; the reader shares that part of the client.
const VersionText = lazy(() => import('./VersionText').then((m) => ({ default: m.VersionText })));

interface VersionViewProps {
  docId: string;
  version: DocumentVersion;
  names: ReadonlyMap<string, string> | null;
  myId: string;
  canRestore: boolean;
  onClose(): void;
  onRestored(version: DocumentVersion): void;
}

/** One version, read-only, with "Restore this version" for those who may edit. */
export function VersionView({ docId, version, names, myId, canRestore, onClose, onRestored }: VersionViewProps) {
  const [body] = useResource(`${docId}:${version.id}`, () => versionBody(docId, version.id));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [version.id]);

  return (
    <div className="history__view">
      <h3 className="heading-m" tabIndex={-1} ref={heading}>
        Looking at “{versionTitle(version)}”
      </h3>
      <p className="card-list__meta">{versionByline(version, names, myId)}</p>
      <p>This is how the document looked then. It is here to read only: nothing you do here changes the document.</p>
      <StatusMessage>{body.status === 'loading' ? 'Opening this version…' : null}</StatusMessage>
      {body.status === 'failed' ? <p className="field__error">{body.error.message}</p> : null}
      {body.status === 'ready' ? (
        <section className="history__text" aria-label={`Text of “${versionTitle(version)}”`}>
          <Suspense fallback={<StatusMessage>Opening this version…</StatusMessage>}>
            <VersionText json={body.data} />
          </Suspense>
        </section>
      ) : null}
      {canRestore && body.status === 'ready' ? (
        <RestoreVersion docId={docId} version={version} onRestored={onRestored} />
      ) : null}
      <p>
        <Button variant="secondary" onClick={onClose}>
          Back to the list of versions
        </Button>
      </p>
    </div>
  );
}
