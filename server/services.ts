import type { Config } from './config';
import type { Db } from './db/connect';
import { createEventBus, type EventBus } from './events';
import { createJobQueue, type JobQueue, type JobQueueOptions } from './jobs/jobQueue';
import type { Logger } from './logger';
import { sessionRepository } from './modules/accounts/sessionRepository';
import { userRepository } from './modules/accounts/userRepository';
import { clipRepository } from './modules/clips/clipRepository';
import { commentRepository } from './modules/clips/commentRepository';
import { documentRepository } from './modules/documents/documentRepository';
import { episodeRepository } from './modules/episodes/episodeRepository';
import { publishingRepository } from './modules/episodes/publishingRepository';
import { signoffRepository } from './modules/episodes/signoffs/signoffRepository';
import { inviteRepository } from './modules/invites/inviteRepository';
import { musicRepository } from './modules/music/musicRepository';
import { workspaceRepository } from './modules/workspaces/workspaceRepository';
import type { BlobStore } from './storage/BlobStore';
import { auditRepository } from './modules/audit/auditRepository';
import { quoteRepository } from './modules/quotes/quoteRepository';
import { editionRepository } from './modules/editions/editionRepository';
import { recordingRepository } from './modules/clips/recordingRepository';
import { versionRepository } from './modules/documents/versionRepository';
import { threadRepository } from './modules/documentThreads/threadRepository';
import { voiceCommentRepository } from './modules/voiceComments/voiceCommentRepository';
import { exportRepository } from './modules/exports/exportRepository';
import { searchRepository } from './modules/search/searchRepository';
import { transcriptRepository } from './modules/transcripts/transcriptRepository';
import { redactionRepository } from './modules/transcripts/redactionRepository';
import { involvementRepository } from './modules/involvement/involvementRepository';
import { myDataRepository } from './modules/myData/myDataRepository';
import { notificationRepository } from './modules/notifications/notificationRepository';
import { reflectionRepository } from './modules/reflections/reflectionRepository';
import { strengthsRepository } from './modules/strengths/strengthsRepository';
import { involvementReportRepository } from './modules/involvementReports/reportRepository';
import { balanceRepository } from './modules/balance/balanceRepository';
import { suggestionRepository } from './modules/suggestions/suggestionRepository';
import { titlePageRepository } from './modules/titlePages/titlePageRepository';
import { documentImageRepository } from './modules/documentImages/documentImageRepository';

/** What route handlers and socket handlers are given: built once at boot, no globals. */
export interface Services {
  config: Config;
  logger: Logger;
  db: Db;
  blobs: BlobStore;
  bus: EventBus;
  users: ReturnType<typeof userRepository>;
  sessions: ReturnType<typeof sessionRepository>;
  workspaces: ReturnType<typeof workspaceRepository>;
  invites: ReturnType<typeof inviteRepository>;
  jobs: JobQueue;
  clips: ReturnType<typeof clipRepository>;
  clipComments: ReturnType<typeof commentRepository>;
  documents: ReturnType<typeof documentRepository>;

  // Episodes and music.
  episodes: ReturnType<typeof episodeRepository>;
  publishing: ReturnType<typeof publishingRepository>;
  /** Sign-off by the people heard in an episode. */
  signoffs: ReturnType<typeof signoffRepository>;
  music: ReturnType<typeof musicRepository>;

  /** Runs `work` in one database transaction; repository methods that take a `tx` join it. */
  transaction: <T>(work: (tx: Db) => Promise<T>) => Promise<T>;
  audit: ReturnType<typeof auditRepository>;
  recordings: ReturnType<typeof recordingRepository>;
  documentVersions: ReturnType<typeof versionRepository>;
  documentThreads: ReturnType<typeof threadRepository>;
  voiceComments: ReturnType<typeof voiceCommentRepository>;
  documentExports: ReturnType<typeof exportRepository>;
  clipTranscripts: ReturnType<typeof transcriptRepository>;
  clipRedactions: ReturnType<typeof redactionRepository>;
  search: ReturnType<typeof searchRepository>;
  involvement: ReturnType<typeof involvementRepository>;
  /** A person's own data: what "Download my data" reads and "Delete my account" writes. */
  myData: ReturnType<typeof myDataRepository>;
  notifications: ReturnType<typeof notificationRepository>;
  documentQuotes: ReturnType<typeof quoteRepository>;
  /** Reflection on power: the ladder, milestones, answers and the plan to move up. */
  reflections: ReturnType<typeof reflectionRepository>;
  /** Published editions of documents and the sign-off of the people quoted in them. */
  editions: ReturnType<typeof editionRepository>;
  /** People as assets: what members bring and would like to try, offers, abilities agreed for carers. */
  strengths: ReturnType<typeof strengthsRepository>;
  involvementReports: ReturnType<typeof involvementReportRepository>;
  /** The counts behind the balance of voices. */
  balance: ReturnType<typeof balanceRepository>;
  /** Who made each suggested change in a document's text. */
  documentSuggestions: ReturnType<typeof suggestionRepository>;
  /** Publications' title pages, printed on their exports' covers. */
  titlePages: ReturnType<typeof titlePageRepository>;
  /** Pictures uploaded into documents. */
  documentImages: ReturnType<typeof documentImageRepository>;
}

export function createServices(
  config: Config,
  logger: Logger,
  db: Db,
  blobs: BlobStore,
  options: { jobs?: JobQueueOptions } = {},
): Services {
  const bus = createEventBus();
  return {
    config,
    logger,
    db,
    blobs,
    bus,
    users: userRepository(db),
    sessions: sessionRepository(db),
    workspaces: workspaceRepository(db),
    invites: inviteRepository(db),
    jobs: createJobQueue({ db, dialect: config.database.kind, bus, logger }, { ...config.jobs, ...options.jobs }),
    clips: clipRepository(db),
    clipComments: commentRepository(db),
    documents: documentRepository(db),

    // Episodes and music.
    episodes: episodeRepository(db),
    publishing: publishingRepository(db),
    signoffs: signoffRepository(db),
    music: musicRepository(db),

    transaction: (work) => db.transaction().execute(work),
    audit: auditRepository(db),
    recordings: recordingRepository(db),
    documentVersions: versionRepository(db),
    documentThreads: threadRepository(db),
    voiceComments: voiceCommentRepository(db),
    documentExports: exportRepository(db),
    clipTranscripts: transcriptRepository(db),
    clipRedactions: redactionRepository(db),
    search: searchRepository(db, config.database.kind),
    involvement: involvementRepository(db),
    myData: myDataRepository(db),
    notifications: notificationRepository(db),
    documentQuotes: quoteRepository(db),
    reflections: reflectionRepository(db),
    editions: editionRepository(db, config.database.kind),
    strengths: strengthsRepository(db),
    involvementReports: involvementReportRepository(db),
    balance: balanceRepository(db),
    documentSuggestions: suggestionRepository(db),
    titlePages: titlePageRepository(db),
    documentImages: documentImageRepository(db),
  };
}
