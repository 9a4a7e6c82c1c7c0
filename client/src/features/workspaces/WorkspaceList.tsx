import type { Workspace } from '../../../../shared/contracts/workspaces';
import { roleLabels } from '../../../../shared/roles';
import { Link } from '../../app/router';

export function WorkspaceList({ workspaces }: { workspaces: Workspace[] }) {
  if (workspaces.length === 0) {
    return <p>You are not in any workspaces yet. Start one below, or open an invite link someone sent you.</p>;
  }
  return (
    <ul className="card-list">
      {workspaces.map((w) => (
        <li key={w.id} className="card-list__item">
          <Link className="card-list__link" href={`/w/${encodeURIComponent(w.id)}`}>
            {w.name}
          </Link>
          <span className="card-list__meta">Your role: {roleLabels[w.role]}</span>
        </li>
      ))}
    </ul>
  );
}
