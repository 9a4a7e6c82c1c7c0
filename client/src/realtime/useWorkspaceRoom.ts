import { useEffect, useRef, useState } from 'react';
import { followRoom, type RoomState } from './roomJoins';
import { getSocket } from './socket';

/** Who is online and how the connection is doing. To load again after each join, see `useAfterEachJoin`. */
export type WorkspaceRoom = RoomState;

/**
 * Join a workspace's live room: who is online, and a nudge whenever the member list changes. One component per
 * page joins; the page's other live parts hear of each join through `useAfterEachJoin` (roomJoins.ts).
 */
export function useWorkspaceRoom(workspaceId: string, onMembersChanged: () => void): WorkspaceRoom {
  const [room, setRoom] = useState<WorkspaceRoom>({ online: [], connection: 'connecting', problem: null });
  const membersChanged = useRef(onMembersChanged);
  useEffect(() => {
    membersChanged.current = onMembersChanged;
  });

  useEffect(() => followRoom(getSocket(), workspaceId, setRoom, () => membersChanged.current()), [workspaceId]);

  return room;
}
