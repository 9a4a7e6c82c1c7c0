import type { DocumentInfo } from '../../../../shared/contracts/documents';
import { Link } from '../../app/router';
import { kindLabels } from './kindWords';

export function DocumentList({ documents }: { documents: DocumentInfo[] }) {
  if (documents.length === 0) return <p>There are no documents here yet.</p>;
  return (
    <ul className="card-list" aria-label="Documents">
      {documents.map((d) => (
        <li key={d.id} className={d.archived ? 'card-list__item card-list__item--archived' : 'card-list__item'}>
          <Link className="card-list__link" href={`/d/${encodeURIComponent(d.id)}`}>
            {d.title}
          </Link>
          <span className="card-list__meta">
            {kindLabels[d.kind]}
            {d.archived ? <strong className="tag">Archived</strong> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
