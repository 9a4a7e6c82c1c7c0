import { useEffect, useRef, useState } from 'react';
import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { toApiError } from '../../../api/ApiError';
import { Button } from '../../../components/Button';
import { restoreVersion } from './versionsApi';
import { versionTime, versionTitle } from './versionWords';

/** The name the server gives the copy of the current text it keeps before restoring (versionOperations.ts). */
export const keptBeforeRestoring = (version: DocumentVersion): string =>
  version.name ? `Before restoring “${version.name}”` : 'Before restoring the automatic copy of …';

/** "Restore this version", asked twice: once to start, once after saying plainly what will happen. */
export function RestoreVersion({
  docId,
  version,
  onRestored,
}: {
  docId: string;
  version: DocumentVersion;
  onRestored(version: DocumentVersion): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const question = useRef<HTMLParagraphElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const restore = async () => {
    if (busy) return;
    setBusy(true);
    setProblem('');
    try {
      onRestored(await restoreVersion(docId, version.id));
    } catch (e) {
      setProblem(toApiError(e).message);
      setBusy(false);
    }
  };

  const title = versionTitle(version);
  return (
    <div className="history__restore">
      {problem ? <p className="field__error">{problem}</p> : null}
      {confirming ? (
        <div className="confirm">
          <p className="confirm__question" tabIndex={-1} ref={question}>
            Restore “{title}”?
          </p>
          <p>
            The document will go back to how it was on {versionTime(version)}. Everyone who has it open will see the
            change straight away.
          </p>
          <p>
            Nothing is lost: the text as it is now is saved first, as a version called “{keptBeforeRestoring(version)}”.
            You can bring it back from this list at any time.
          </p>
          <div className="button-group">
            <Button variant="warning" busy={busy} onClick={() => void restore()}>
              Yes, restore this version
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              No, keep the document as it is
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={start} onClick={() => setConfirming(true)}>
          Restore this version
        </Button>
      )}
    </div>
  );
}
