import type { WorkspaceRoom } from '../../realtime/useWorkspaceRoom';
import { connectionWords } from '../workspaces/connectionWords';

const said = {
  connected: 'Live: this page updates by itself.',
  reconnecting: 'Offline. Trying to reconnect… What you see may be out of date.',
};

/** Whether the page is live, in words. Not a live region: a dropped connection is not worth interrupting for. */
export function LiveLine({ room }: { room: WorkspaceRoom }) {
  const live = room.connection === 'connected';
  return (
    <p className={live ? 'live-line live-line--on' : 'live-line'}>
      <span className="live-line__icon" aria-hidden="true" />
      {connectionWords(room, said)}
    </p>
  );
}
