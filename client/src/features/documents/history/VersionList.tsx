import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { Button } from '../../../components/Button';
import { versionByline, versionTitle } from './versionWords';

interface VersionListProps {
  versions: DocumentVersion[];
  names: ReadonlyMap<string, string> | null;
  myId: string;
  onView(version: DocumentVersion): void;
}

/** Every version, newest first, each with who kept it, when, and a way to look at it. */
export function VersionList({ versions, names, myId, onView }: VersionListProps) {
  if (versions.length === 0) {
    return <p>There are no versions yet. Save one when the document is at a point you may want to come back to.</p>;
  }
  return (
    <ol className="card-list history__list" aria-label="Versions, newest first">
      {versions.map((v) => (
        <li key={v.id} className="card-list__item history__item">
          <span className="history__name">{versionTitle(v)}</span>
          <span className="card-list__meta">{versionByline(v, names, myId)}</span>
          {/* Every button in the list reads the same on screen; its spoken name says which version it opens. */}
          <Button
            variant="secondary"
            className="history__open"
            aria-label={`Look at this version: ${versionTitle(v)}`}
            onClick={() => onView(v)}
          >
            Look at this version
          </Button>
        </li>
      ))}
    </ol>
  );
}
