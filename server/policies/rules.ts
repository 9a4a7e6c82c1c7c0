import type { GrantableAbility } from '../../shared/contracts/strengths';
import type { Role } from '../../shared/roles';

/**
 * Who may do what in a workspace: PRODUCT.md's table, in one place. Every HTTP route and socket
 * event asks `authorize`/`can` instead of checking roles itself.
 */
export type WorkspaceAction =
  | 'workspace.view'
  | 'workspace.update'
  /** Everything in the workspace in one archive (docs/backup.md): every member's words and voices, so admins only. */
  | 'workspace.download'
  | 'members.view'
  /** Members' email addresses are personal data: only the people who invite and manage see them. */
  | 'members.viewEmails'
  | 'members.manage'
  | 'invites.create'
  | 'invites.manage'
  | 'presence.join'
  /** Offer a task to a member who would like to try it (people as assets, issue 12 §4). */
  | 'tasks.offer'
  /** Agree that a carer may also do one thing staff do, without becoming staff: admins alone. */
  | 'abilities.grant'
  /** The balance of voices: who is heard, who writes, who comments, who signs off. */
  | 'balance.view';

const everyone: readonly Role[] = ['admin', 'editor', 'expert', 'carer'];

const rules: Record<WorkspaceAction, readonly Role[]> = {
  'workspace.view': everyone,
  'workspace.update': ['admin'],
  'workspace.download': ['admin'],
  'members.view': everyone,
  'members.viewEmails': ['admin', 'editor'],
  'members.manage': ['admin'],
  'invites.create': ['admin', 'editor'],
  'invites.manage': ['admin', 'editor'],
  'presence.join': everyone,
  'tasks.offer': ['admin', 'editor'],
  'abilities.grant': ['admin'],
  'balance.view': everyone,
};

/** Which roles each role may hand out in an invite. */
const invitableRoles: Record<Role, readonly Role[]> = {
  admin: ['admin', 'editor', 'expert', 'carer'],
  editor: ['expert', 'carer'],
  expert: [],
  carer: [],
};

export const roleMay = (role: Role, action: WorkspaceAction): boolean => rules[action].includes(role);

export const rolesInvitableBy = (role: Role): Role[] => [...invitableRoles[role]];

/** What may be done with one document. `document.manage` covers rename, archive and the carer switch. */
export type DocumentAction =
  'document.create' | 'document.view' | 'document.comment' | 'document.edit' | 'document.manage';

/** The facts about a document that its rules depend on. */
export interface DocumentFacts {
  createdBy: string;
  carersCanEdit: boolean;
  archived: boolean;
}

const documentRules: Record<DocumentAction, readonly Role[]> = {
  'document.create': ['admin', 'editor', 'expert'],
  'document.view': everyone,
  'document.comment': everyone,
  'document.edit': ['admin', 'editor', 'expert'],
  'document.manage': ['admin', 'editor'],
};

/**
 * Abilities an admin agreed a carer may also have (`member_grants`). They count for carers only: the other roles
 * have these abilities already, or (experts) are not given more this way.
 */
export type Grants = readonly GrantableAbility[];

const granted = (role: Role, grants: Grants, ability: GrantableAbility) => role === 'carer' && grants.includes(ability);

/**
 * The table above plus its per-document exceptions: carers edit where the document allows it, or where an admin
 * agreed they may edit scripts (`document.edit` grant), and whoever created a document may manage it. An archived
 * document is read-only until restored.
 */
export function documentRoleMay(
  role: Role,
  action: DocumentAction,
  userId: string,
  doc?: DocumentFacts,
  grants: Grants = [],
): boolean {
  if (action === 'document.edit' && doc?.archived) return false;
  if (documentRules[action].includes(role)) return true;
  if (action === 'document.edit')
    return role === 'carer' && (doc?.carersCanEdit === true || granted(role, grants, 'document.edit'));
  if (action === 'document.manage') return doc?.createdBy === userId;
  return false;
}

/**
 * Version history of a document. Any member may look at versions; naming one or restoring one
 * changes what others see, so it takes the right to edit the document itself.
 */
export type DocumentVersionAction = 'version.view' | 'version.name' | 'version.restore';

export const documentVersionRules: Record<DocumentVersionAction, DocumentAction> = {
  'version.view': 'document.view',
  'version.name': 'document.edit',
  'version.restore': 'document.edit',
};

export const documentVersionRoleMay = (
  role: Role,
  action: DocumentVersionAction,
  userId: string,
  doc: DocumentFacts,
  grants: Grants = [],
): boolean => documentRoleMay(role, documentVersionRules[action], userId, doc, grants);

/** What may be done with a clip. Consent decisions belong to the contributor (an admin may act for them). */
export type ClipAction =
  | 'clip.upload'
  | 'clip.view'
  | 'clip.listen'
  | 'clip.comment'
  | 'clip.review'
  | 'clip.changeConsent'
  | 'clip.withdraw'
  /** Add pieces to a browser recording, send it, or throw it away: only the person recording it. */
  | 'clip.record';

/** The facts about a clip that its rules depend on. */
export interface ClipFacts {
  contributorId: string;
  withdrawn: boolean;
}

const clipRules: Record<ClipAction, readonly Role[]> = {
  'clip.upload': everyone,
  'clip.view': everyone,
  'clip.listen': everyone,
  'clip.comment': everyone,
  'clip.review': ['admin', 'editor'],
  'clip.changeConsent': ['admin'],
  'clip.withdraw': ['admin'],
  'clip.record': [],
};

/**
 * The table above plus its exceptions: the contributor may change or withdraw their own consent
 * whatever their role (and only they may carry on, send or throw away a recording they are making),
 * and once withdrawn a clip can no longer be listened to, reviewed or commented on.
 */
export function clipRoleMay(role: Role, action: ClipAction, userId: string, clip?: ClipFacts): boolean {
  if (clip?.withdrawn && action !== 'clip.view' && action !== 'clip.withdraw') return false;
  if (clipRules[action].includes(role)) return true;
  if (action === 'clip.changeConsent' || action === 'clip.withdraw' || action === 'clip.record')
    return clip?.contributorId === userId;
  return false;
}

/** What may be done with episodes, the show and the timeline. */
export type EpisodeAction =
  | 'episode.view'
  | 'episode.create'
  | 'episode.edit'
  | 'episode.render'
  | 'episode.publish'
  /** Publish before everyone heard has signed off their parts, giving a reason (issue 12 §2): admins alone. */
  | 'episode.publishWithoutSignoff';

const episodeRules: Record<EpisodeAction, readonly Role[]> = {
  'episode.view': everyone,
  'episode.create': ['admin', 'editor'],
  'episode.edit': ['admin', 'editor'],
  'episode.render': ['admin', 'editor'],
  'episode.publish': ['admin', 'editor'],
  'episode.publishWithoutSignoff': ['admin'],
};

/** What the `episode.edit` grant lets a carer do: assemble an episode (its timeline) and render drafts to hear it. */
const assembling: ReadonlySet<EpisodeAction> = new Set(['episode.edit', 'episode.render']);

export const episodeRoleMay = (role: Role, action: EpisodeAction, grants: Grants = []): boolean =>
  episodeRules[action].includes(role) || (assembling.has(action) && granted(role, grants, 'episode.edit'));

/** Comment threads on passages of a document. */
export type DocumentThreadAction = 'thread.view' | 'thread.create' | 'thread.reply' | 'thread.resolve';

/** The facts about a thread that its rules depend on. */
export interface ThreadFacts {
  createdBy: string;
}

/** Who may resolve or reopen anyone's thread; everybody may resolve or reopen their own. */
const threadResolvers: readonly Role[] = ['admin', 'editor'];

/**
 * Whoever may comment on a document may start threads on it and reply (carers too, where they may
 * not edit). Starting one marks the passage in the text, so not in an archived document.
 */
export function threadRoleMay(
  role: Role,
  action: DocumentThreadAction,
  userId: string,
  doc: DocumentFacts,
  thread?: ThreadFacts,
): boolean {
  switch (action) {
    case 'thread.view':
      return documentRoleMay(role, 'document.view', userId, doc);
    case 'thread.create':
      return !doc.archived && documentRoleMay(role, 'document.comment', userId, doc);
    case 'thread.reply':
      return documentRoleMay(role, 'document.comment', userId, doc);
    case 'thread.resolve':
      return (
        documentRoleMay(role, 'document.comment', userId, doc) &&
        (threadResolvers.includes(role) || thread?.createdBy === userId)
      );
  }
}

/** What may be done with a workspace's music (intros, outros, beds): everyone may hear it, editors look after it. */
export type MusicAction = 'music.view' | 'music.manage';

const musicRules: Record<MusicAction, readonly Role[]> = {
  'music.view': everyone,
  'music.manage': ['admin', 'editor'],
};

export const musicRoleMay = (role: Role, action: MusicAction): boolean => musicRules[action].includes(role);

/** Published editions of a document (issue 11 §4): members see them; editors publish and unpublish them. */
export type EditionAction =
  | 'edition.view'
  | 'edition.publish'
  /** Make an edition public before everyone quoted in it has signed off, giving a reason: admins alone. */
  | 'edition.publishWithoutSignoff';

const editionRules: Record<EditionAction, readonly Role[]> = {
  'edition.view': everyone,
  'edition.publish': ['admin', 'editor'],
  'edition.publishWithoutSignoff': ['admin'],
};

export const editionRoleMay = (role: Role, action: EditionAction): boolean => editionRules[action].includes(role);
