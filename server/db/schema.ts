import type {
  AuditEventsTable,
  InvitesTable,
  MembershipsTable,
  SessionsTable,
  UsersTable,
  WorkspacesTable,
} from './schema/accounts';
import type {
  DocumentAuthorsTable,
  DocumentImagesTable,
  DocumentLogHeadsTable,
  DocumentSnapshotsTable,
  DocumentSuggestionsTable,
  DocumentThreadCommentsTable,
  DocumentThreadsTable,
  DocumentUpdatesTable,
  DocumentVersionsTable,
  DocumentsTable,
} from './schema/documents';
import type { JobsTable } from './schema/jobs';
import type { DocumentExportsTable } from './schema/exports';
import type { EditionSignoffsTable, EditionsTable } from './schema/editions';
import type { NotificationPreferencesTable, NotificationsTable } from './schema/notifications';
import type {
  ClipCommentsTable,
  ClipConsentsTable,
  ClipRecordingsTable,
  ClipsTable,
  VoiceCommentsTable,
  RecordingChunksTable,
} from './schema/clips';
import type {
  ArtworksTable,
  EpisodeConsultantsTable,
  EpisodePublishingTable,
  EpisodeRendersTable,
  EpisodesTable,
  MemberCreditsTable,
  MusicAssetsTable,
  ShowsTable,
} from './schema/episodes';
import type {
  InvolvementActivitiesTable,
  InvolvementExpensesTable,
  InvolvementParticipantsTable,
  InvolvementRatesTable,
} from './schema/involvement';
import type {
  ReflectionActionsTable,
  ReflectionMilestonesTable,
  ReflectionSettingsTable,
  ReflectionsTable,
} from './schema/reflections';
import type { MemberGrantsTable, MemberStrengthsTable, TaskOffersTable } from './schema/strengths';
import type { Gripp2ReportsTable, ImpactEntriesTable } from './schema/involvementReports';
import type { DocumentTitlePagesTable } from './schema/titlePages';
import type { EpisodeSignoffOverridesTable, EpisodeSignoffsTable, SignoffSettingsTable } from './schema/signoffs';
import type {
  ClipRedactionsTable,
  ClipTranscriptsTable,
  DocumentQuotesTable,
  SearchChangesTable,
  SearchPassagesTable,
  SearchSourcesTable,
} from './schema/transcripts';

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC strings and ids are UUID strings in both
 * SQLite and PostgreSQL, so the same query code returns the same shapes on either.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  clips: ClipsTable;
  clip_consents: ClipConsentsTable;
  clip_comments: ClipCommentsTable;
  clip_recordings: ClipRecordingsTable;
  recording_chunks: RecordingChunksTable;
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
  document_log_heads: DocumentLogHeadsTable;
  document_versions: DocumentVersionsTable;
  document_threads: DocumentThreadsTable;
  document_thread_comments: DocumentThreadCommentsTable;
  shows: ShowsTable;
  episodes: EpisodesTable;
  episode_renders: EpisodeRendersTable;
  artworks: ArtworksTable;
  episode_publishing: EpisodePublishingTable;
  member_credits: MemberCreditsTable;
  episode_consultants: EpisodeConsultantsTable;
  document_authors: DocumentAuthorsTable;
  music_assets: MusicAssetsTable;
  document_exports: DocumentExportsTable;
  clip_transcripts: ClipTranscriptsTable;
  search_sources: SearchSourcesTable;
  search_passages: SearchPassagesTable;
  search_changes: SearchChangesTable;
  involvement_rates: InvolvementRatesTable;
  involvement_activities: InvolvementActivitiesTable;
  involvement_participants: InvolvementParticipantsTable;
  involvement_expenses: InvolvementExpensesTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  episode_signoffs: EpisodeSignoffsTable;
  episode_signoff_overrides: EpisodeSignoffOverridesTable;
  signoff_settings: SignoffSettingsTable;
  document_quotes: DocumentQuotesTable;
  reflection_settings: ReflectionSettingsTable;
  reflection_milestones: ReflectionMilestonesTable;
  reflections: ReflectionsTable;
  reflection_actions: ReflectionActionsTable;
  editions: EditionsTable;
  edition_signoffs: EditionSignoffsTable;
  clip_redactions: ClipRedactionsTable;
  member_strengths: MemberStrengthsTable;
  task_offers: TaskOffersTable;
  member_grants: MemberGrantsTable;
  document_suggestions: DocumentSuggestionsTable;
  document_images: DocumentImagesTable;
  gripp2_reports: Gripp2ReportsTable;
  impact_entries: ImpactEntriesTable;
  document_title_pages: DocumentTitlePagesTable;
  voice_comments: VoiceCommentsTable;
}

export type * from './schema/accounts';
export type * from './schema/documents';
export type * from './schema/jobs';
export type * from './schema/clips';
export type * from './schema/episodes';
export type * from './schema/exports';
export type * from './schema/notifications';
export type * from './schema/transcripts';
export type * from './schema/involvement';
export type * from './schema/signoffs';
export type * from './schema/reflections';
export type * from './schema/editions';
export type * from './schema/strengths';
export type * from './schema/involvementReports';
export type * from './schema/titlePages';
