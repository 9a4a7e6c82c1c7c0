/** The client's addresses for involvement screens. */
export const involvementPath = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/involvement`;

/** A person's statement; `me` for the signed-in person's own. */
export const statementPath = (workspaceId: string, userId: string) =>
  `${involvementPath(workspaceId)}/statements/${encodeURIComponent(userId)}`;
