import { LabelledSection } from '../../components/LabelledSection';
import { myDataDownloadPath } from './accountApi';

/** "Download your data": one link; the server streams a zip with a README that explains each file. */
export function DownloadMyData() {
  return (
    <LabelledSection className="section" headingId="download-data-title" headingClass="heading-l" title="Your data">
      <p>
        You can download everything Chorus keeps about you: your account, the projects you are in, your recordings with
        their sound files and words, what you agreed each may be used for, and the comments you wrote.
      </p>
      <p>It comes as one zip file. A file inside it called README.txt explains what each file is.</p>
      <a className="button button--secondary" href={myDataDownloadPath} download>
        Download your data
      </a>
    </LabelledSection>
  );
}
