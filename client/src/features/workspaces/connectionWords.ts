import type { WorkspaceRoom } from '../../realtime/useWorkspaceRoom';

/** How the workspace's live connection is doing, in words; `connected` and `reconnecting` say what it means here. */
export function connectionWords(room: WorkspaceRoom, said: { connected: string; reconnecting: string }): string {
  switch (room.connection) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return said.connected;
    case 'reconnecting':
      return said.reconnecting;
    case 'refused':
      return `Not connected. ${room.problem ?? 'Reload the page to try again.'}`;
  }
}
