import { useMemo, useRef, useState } from 'react';
import type { DocumentInfo } from '../../../../../shared/contracts/documents';
import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { listMembers } from '../../members/membersApi';
import { useResource } from '../../../app/useResource';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { keptBeforeRestoring } from './RestoreVersion';
import { SaveVersionForm } from './SaveVersionForm';
import { VersionList } from './VersionList';
import { listVersions } from './versionsApi';
import { VersionView } from './VersionView';
import { versionTitle } from './versionWords';

/**
 * The document's "History" panel: save a named version, see every version newest first, read any
 * of them, and restore one. The list loads only when asked for, and again after every change made here.
 */
export function VersionHistory({ doc, myId }: { doc: DocumentInfo; myId: string }) {
  const [open, setOpen] = useState(false);
  const [viewing, setViewing] = useState<DocumentVersion | null>(null);
  const [done, setDone] = useState('');
  const [round, setRound] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const showing = open || viewing !== null;
  const [versions] = useResource(
    showing ? `${doc.id}:${round}` : 'closed',
    showing ? () => listVersions(doc.id) : null,
  );
  const [members] = useResource(
    showing ? doc.workspaceId : 'closed',
    showing ? () => listMembers(doc.workspaceId) : null,
  );
  const memberList = members.status === 'ready' ? members.data : null;
  const names = useMemo(() => (memberList ? new Map(memberList.map((m) => [m.userId, m.name])) : null), [memberList]);
  const canEdit = doc.abilities.edit;

  const saved = (version: DocumentVersion) => {
    setDone(`Version “${versionTitle(version)}” saved.`);
    setOpen(true);
    setRound((n) => n + 1);
  };

  const restored = (version: DocumentVersion) => {
    setViewing(null);
    setOpen(true);
    setRound((n) => n + 1);
    setDone(
      `The document now reads as “${versionTitle(version)}” did. The text from before is kept as “${keptBeforeRestoring(version)}”.`,
    );
    heading.current?.focus();
  };

  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 className="heading-l" id="history-title" tabIndex={-1} ref={heading}>
        Version history
      </h2>
      <p>
        A version is a copy of this document as it was at one moment. You can read any version, and bring one back if
        you need to. Chorus also keeps a copy by itself every so often.
      </p>
      <StatusMessage tone="success">{done}</StatusMessage>
      {canEdit && !viewing ? <SaveVersionForm docId={doc.id} onSaved={saved} /> : null}
      {viewing ? (
        <VersionView
          docId={doc.id}
          version={viewing}
          names={names}
          myId={myId}
          canRestore={canEdit}
          onClose={() => {
            setViewing(null);
            setOpen(true);
            heading.current?.focus();
          }}
          onRestored={restored}
        />
      ) : (
        <div className="history__versions">
          <Button
            variant="secondary"
            aria-expanded={open}
            aria-controls="history-versions"
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide versions' : 'Show versions'}
          </Button>
          <div id="history-versions">
            {open && versions.status === 'loading' ? <StatusMessage>Loading versions…</StatusMessage> : null}
            {open && versions.status === 'failed' ? <p className="field__error">{versions.error.message}</p> : null}
            {open && versions.status === 'ready' ? (
              <VersionList
                versions={versions.data}
                names={names}
                myId={myId}
                onView={(v) => {
                  setDone('');
                  setViewing(v);
                }}
              />
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
