import type { ChorusModule } from './chorusModule';
import { accountsModule } from './accounts/index';
import { clipsModule } from './clips/index';
import { documentCreditsModule } from './documentCredits/index';
import { documentImagesModule } from './documentImages/index';
import { documentsModule } from './documents/index';
import { documentThreadsModule } from './documentThreads/index';
import { episodesModule } from './episodes/index';
import { editionsModule } from './editions/index';
import { exportsModule } from './exports/index';
import { invitesModule } from './invites/index';
import { involvementModule } from './involvement/index';
import { involvementReportsModule } from './involvementReports/index';
import { musicModule } from './music/index';
import { myDataModule } from './myData/index';
import { notificationsModule } from './notifications/index';
import { quotesModule } from './quotes/index';
import { reflectionsModule } from './reflections/index';
import { searchModule } from './search/index';
import { strengthsModule } from './strengths/index';
import { balanceModule } from './balance/index';
import { suggestionsModule } from './suggestions/index';
import { titlePagesModule } from './titlePages/index';
import { transcriptsModule } from './transcripts/index';
import { voiceCommentsModule } from './voiceComments/index';
import { workspaceArchivesModule } from './workspaceArchives/index';
import { workspacesModule } from './workspaces/index';

/** Every domain module, in the order `server/app.ts` sets them up (and so declares their routes). */
export const modules: readonly ChorusModule[] = [
  accountsModule,
  workspacesModule,
  invitesModule,
  clipsModule,
  documentsModule,
  documentImagesModule,
  documentThreadsModule,
  suggestionsModule,
  musicModule,
  episodesModule,
  exportsModule,
  transcriptsModule,
  voiceCommentsModule,
  quotesModule,
  documentCreditsModule,
  titlePagesModule,
  editionsModule,
  searchModule,
  involvementModule,
  reflectionsModule,
  strengthsModule,
  balanceModule,
  involvementReportsModule,
  myDataModule,
  notificationsModule,
  workspaceArchivesModule,
];
