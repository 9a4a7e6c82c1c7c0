import type { ReactNode } from 'react';
import { AccountDeletedPage } from '../features/account/AccountDeletedPage';
import { AccountPage } from '../features/account/AccountPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { BalancePage } from '../features/balance/BalancePage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ClipPage } from '../features/clips/ClipPage';
import { ClipsPage } from '../features/clips/ClipsPage';
import { DocumentPage } from '../features/documents/DocumentPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { EditionSignoffPage } from '../features/documents/editions/EditionSignoffPage';
import { EpisodePage } from '../features/episodes/EpisodePage';
import { EpisodesPage } from '../features/episodes/EpisodesPage';
import { HelpPage } from '../features/help/HelpPage';
import { RoleHelpPage } from '../features/help/RoleHelpPage';
import { InvitePage } from '../features/invites/InvitePage';
import { InvolvementPage } from '../features/involvement/InvolvementPage';
import { StatementPage } from '../features/involvement/StatementPage';
import { ReflectionsPage } from '../features/reflections/ReflectionsPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { RecordPage } from '../features/recording/RecordPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WorkspaceListPage } from '../features/workspaces/WorkspaceListPage';
import { WorkspacePage } from '../features/workspaces/WorkspacePage';
import { matchRoute } from './matchRoute';
import { NotFoundPage } from './NotFoundPage';

type Params = Record<string, string>;

/** Every screen, by address. The first pattern that matches wins. */
const routes: ReadonlyArray<[pattern: string, render: (p: Params) => ReactNode]> = [
  ['/', () => <WorkspaceListPage />],
  ['/signup', () => <SignUpPage />],
  ['/login', () => <SignInPage />],
  ['/account', () => <AccountPage />],
  ['/account/deleted', () => <AccountDeletedPage />],
  ['/notifications', () => <NotificationsPage />],
  ['/settings', () => <SettingsPage />],
  ['/help', () => <HelpPage />],
  ['/help/:topic', (p) => <RoleHelpPage topic={p.topic ?? ''} />],
  ['/w/:id', (p) => <WorkspacePage id={p.id ?? ''} />],
  ['/w/:id/documents', (p) => <DocumentsPage workspaceId={p.id ?? ''} />],
  ['/w/:id/clips', (p) => <ClipsPage workspaceId={p.id ?? ''} />],
  ['/w/:id/episodes', (p) => <EpisodesPage workspaceId={p.id ?? ''} />],
  ['/w/:id/record', (p) => <RecordPage workspaceId={p.id ?? ''} />],
  ['/w/:id/involvement', (p) => <InvolvementPage workspaceId={p.id ?? ''} />],
  ['/w/:id/involvement/statements/:userId', (p) => <StatementPage workspaceId={p.id ?? ''} userId={p.userId ?? ''} />],
  ['/w/:id/reflections', (p) => <ReflectionsPage workspaceId={p.id ?? ''} />],
  ['/w/:id/balance', (p) => <BalancePage workspaceId={p.id ?? ''} />],
  ['/w/:id/reports', (p) => <ReportsPage workspaceId={p.id ?? ''} />],
  ['/c/:clipId', (p) => <ClipPage clipId={p.clipId ?? ''} />],
  ['/d/:docId', (p) => <DocumentPage docId={p.docId ?? ''} />],
  ['/e/:episodeId', (p) => <EpisodePage episodeId={p.episodeId ?? ''} />],
  ['/editions/:editionId/signoff', (p) => <EditionSignoffPage editionId={p.editionId ?? ''} />],
  ['/invite/:token', (p) => <InvitePage token={p.token ?? ''} />],
];

export function renderRoute(pathname: string): ReactNode {
  for (const [pattern, render] of routes) {
    const params = matchRoute(pattern, pathname);
    if (params) return render(params);
  }
  return <NotFoundPage />;
}
