import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "26 November 2026 at 10:15", in the reader's own time zone. */
export const versionTime = (version: Pick<DocumentVersion, 'createdAt'>): string =>
  when.format(new Date(version.createdAt));

/** What a version is called in the list: its name, or plain words for a copy Chorus kept by itself. */
export const versionTitle = (version: Pick<DocumentVersion, 'name'>): string => version.name ?? 'Automatic copy';

/** Who kept it and when: "Saved by Ann Admin on 26 November 2026 at 10:15". `names` is null until the members are known. */
export function versionByline(
  version: Pick<DocumentVersion, 'createdAt' | 'createdBy'>,
  names: ReadonlyMap<string, string> | null,
  myId: string,
): string {
  const time = versionTime(version);
  if (version.createdBy === null) return `Kept by Chorus on ${time}`;
  if (version.createdBy === myId) return `Saved by you on ${time}`;
  if (!names) return `Saved on ${time}`;
  return `Saved by ${names.get(version.createdBy) ?? 'someone who has left the workspace'} on ${time}`;
}
