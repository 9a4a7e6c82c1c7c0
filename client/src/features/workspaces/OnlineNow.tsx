import { roleLabels } from '../../../../shared/roles';
import { StatusMessage } from '../../components/StatusMessage';
import { LabelledSection } from '../../components/LabelledSection';
import type { WorkspaceRoom } from '../../realtime/useWorkspaceRoom';
import { connectionWords } from './connectionWords';

const said = { connected: 'Connected. This list updates by itself.', reconnecting: 'Offline. Trying to reconnect…' };

export function OnlineNow({ room, myId }: { room: WorkspaceRoom; myId: string }) {
  return (
    <LabelledSection
      className="panel panel--quiet"
      headingId="online-now-title"
      headingClass="heading-m"
      title="Online now"
    >
      <p className="quiet">People in this project who have Chorus open at the moment, so you know who is around.</p>
      {room.online.length > 0 ? (
        <ul className="online-list">
          {room.online.map((m) => (
            <li key={m.userId} className="online-list__item">
              <span className="online-list__dot" aria-hidden="true" />
              <span className="online-list__name">
                {m.name}
                {m.userId === myId ? ' (you)' : ''}
              </span>
              <span className="visually-hidden">, </span>
              <span className="online-list__role">{roleLabels[m.role]}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="quiet">Nobody is online right now.</p>
      )}
      <StatusMessage>{connectionWords(room, said)}</StatusMessage>
    </LabelledSection>
  );
}
