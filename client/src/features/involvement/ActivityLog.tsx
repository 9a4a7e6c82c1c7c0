import { activityKindLabels, type Activity } from '../../../../shared/contracts/involvement';
import { Link } from '../../app/router';
import { LabelledSection } from '../../components/LabelledSection';
import { statementPath } from './involvementPaths';
import { choiceWords, dateWords, durationWords, statusWords } from './involvementWords';

/** Staff's view of the log: every activity and each person's answer (amounts live only in statements). */
export function ActivityLog({
  workspaceId,
  activities,
  showStatements,
}: {
  workspaceId: string;
  activities: Activity[];
  /** Admins: links to each person's statement, and their payment choices. */
  showStatements: boolean;
}) {
  return (
    <LabelledSection
      className="section"
      headingId="activity-log-heading"
      headingClass="heading-l"
      title="Everyone’s activities"
    >
      {activities.length === 0 ? <p>No activities are recorded yet.</p> : null}
      <ul className="card-list">
        {activities.map((a) => (
          <li className="card-list__item" key={a.id}>
            <h3 className="heading-m">{a.title}</h3>
            <p className="card-list__meta">
              {activityKindLabels[a.kind]} · {dateWords(a.occurredOn)} · {durationWords(a.durationMinutes)}
            </p>
            <ul className="involvement-people">
              {a.participants.map((p) => (
                <li key={p.userId}>
                  {showStatements ? <Link href={statementPath(workspaceId, p.userId)}>{p.name}</Link> : p.name}:{' '}
                  {statusWords[p.status]}
                  {p.note ? ` (“${p.note}”)` : ''}
                  {showStatements && p.choice ? ` · ${choiceWords[p.choice]}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </LabelledSection>
  );
}
