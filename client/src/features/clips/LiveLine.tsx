import type { WorkspaceRoom } from '../../realtime/useWorkspaceRoom';

function words(room: WorkspaceRoom): string {
  switch (room.connection) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Live: this page updates by itself.';
    case 'reconnecting':
      return 'Offline. Trying to reconnect… What you see may be out of date.';
    case 'refused':
      return `Not connected. ${room.problem ?? 'Reload the page to try again.'}`;
  }
}

/** Whether the page is live, in words. Not a live region: a dropped connection is not worth interrupting for. */
export function LiveLine({ room }: { room: WorkspaceRoom }) {
  const live = room.connection === 'connected';
  return (
    <p className={live ? 'live-line live-line--on' : 'live-line'}>
      <span className="live-line__icon" aria-hidden="true" />
      {words(room)}
    </p>
  );
}
