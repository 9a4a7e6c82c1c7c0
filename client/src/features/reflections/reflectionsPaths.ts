/** The client's address for the reflection page. */
export const reflectionsPath = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/reflections`;
