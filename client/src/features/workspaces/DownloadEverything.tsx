import { LabelledSection } from '../../components/LabelledSection';

/**
 * "Download everything in this workspace", for its admins: one file with every recording, document and record,
 * in the backup format (docs/backup.md). A plain link: the browser downloads it as it streams.
 */
export function DownloadEverything({ workspaceId }: { workspaceId: string }) {
  return (
    <LabelledSection
      className="section"
      headingId="download-everything-heading"
      headingClass="heading-m"
      title="Download everything in this workspace"
    >
      <p>
        One file with every recording, every document and every record in this workspace, to keep a copy of your own. It
        holds people’s voices and words, so keep it somewhere safe. People’s passwords are not in it.
      </p>
      <p>
        <a href={`/api/workspaces/${encodeURIComponent(workspaceId)}/archive`} download>
          Download everything
        </a>
      </p>
    </LabelledSection>
  );
}
