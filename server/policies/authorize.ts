import type { DocumentAbilities } from '../../shared/contracts/documents';
import type { Clip } from '../../shared/contracts/clips';
import type { WorkspaceAbilities } from '../../shared/contracts/workspaces';
import type { Role } from '../../shared/roles';
import { AppError, notFound } from '../errors';
import {
  clipRoleMay,
  documentRoleMay,
  documentVersionRoleMay,
  editionRoleMay,
  episodeRoleMay,
  musicRoleMay,
  roleMay,
  rolesInvitableBy,
  type ClipAction,
  type ClipFacts,
  type DocumentAction,
  type DocumentFacts,
  type DocumentVersionAction,
  type EditionAction,
  type EpisodeAction,
  type Grants,
  type MusicAction,
  type WorkspaceAction,
} from './rules';

export interface Actor {
  userId: string;
  /** The actor's role in the workspace at hand; undefined when not a member. */
  role: Role | undefined;
  /** Abilities an admin agreed this carer may also have (people as assets); none when absent. */
  grants?: Grants;
}

/**
 * Throws unless the actor may act. A non-member gets the same 404 as a missing workspace,
 * so ids reveal nothing to outsiders; a member without the right gets a 403 that says why.
 */
export function authorize(
  actor: Actor,
  action: WorkspaceAction,
  what = 'workspace',
): asserts actor is Actor & { role: Role } {
  requireRole(actor, what, (role) => roleMay(role, action), forbiddenMessages[action]);
}

/** The shape every check here shares: a 404 for `what` outside the workspace, a 403 with `refusal` inside it. */
function requireRole(
  actor: Actor,
  what: string,
  roleMayAct: (role: Role) => boolean,
  refusal: string,
): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound(what);
  if (!roleMayAct(actor.role)) throw new AppError('forbidden', refusal);
}

export function authorizeInvite(actor: Actor & { role: Role }, invitedRole: Role): void {
  authorize(actor, 'invites.create');
  if (!rolesInvitableBy(actor.role).includes(invitedRole)) {
    throw new AppError(
      'forbidden',
      `As ${article(actor.role)} ${actor.role} you can invite ${listOr(rolesInvitableBy(actor.role))}, not ${article(invitedRole)} ${invitedRole}.`,
    );
  }
}

export function abilitiesOf(role: Role): WorkspaceAbilities {
  return {
    manageMembers: roleMay(role, 'members.manage'),
    inviteRoles: roleMay(role, 'invites.create') ? rolesInvitableBy(role) : [],
    updateSettings: roleMay(role, 'workspace.update'),
    createDocuments: documentRoleMay(role, 'document.create', ''),
    createEpisodes: episodeRoleMay(role, 'episode.create'),
  };
}

const forbiddenMessages: Record<WorkspaceAction, string> = {
  'workspace.view': 'You are not a member of this workspace.',
  'workspace.update': 'Only an admin can change this workspace’s settings.',
  'workspace.download': 'Only an admin can download everything in this workspace. Ask an admin of this workspace.',
  'members.view': 'You are not a member of this workspace.',
  'members.viewEmails': 'Only admins and editors can see members’ email addresses.',
  'members.manage': 'Only an admin can change roles or remove people. Ask an admin of this workspace.',
  'invites.create': 'Only admins and editors can invite people. Ask one of them to send an invite.',
  'invites.manage': 'Only admins and editors can see or cancel invites.',
  'presence.join': 'You are not a member of this workspace.',
  'tasks.offer': 'Only admins and editors can offer someone a task. Tell one of them what you have in mind.',
  'abilities.grant':
    'Only an admin can agree that a carer may also assemble episodes or edit scripts. Ask an admin of this workspace.',
  'balance.view': 'You are not a member of this workspace.',
};

/** Like `authorize`, for one document (or, for `document.create`, the workspace it would go in). */
export function authorizeDocument(
  actor: Actor,
  action: DocumentAction,
  doc?: DocumentFacts,
): asserts actor is Actor & { role: Role } {
  requireRole(
    actor,
    'document',
    (role) => documentRoleMay(role, action, actor.userId, doc, actor.grants),
    documentForbiddenMessage(action, doc),
  );
}

export const mayDocument = (actor: Actor, action: DocumentAction, doc?: DocumentFacts): boolean =>
  actor.role !== undefined && documentRoleMay(actor.role, action, actor.userId, doc, actor.grants);

export function documentAbilitiesOf(actor: Actor, doc: DocumentFacts): DocumentAbilities {
  return {
    edit: mayDocument(actor, 'document.edit', doc),
    comment: mayDocument(actor, 'document.comment', doc),
    manage: mayDocument(actor, 'document.manage', doc),
  };
}

function documentForbiddenMessage(action: DocumentAction, doc?: DocumentFacts): string {
  switch (action) {
    case 'document.create':
      return 'Only admins, editors and practice experts can start a document. Ask one of them to start it for you.';
    case 'document.edit':
      return doc?.archived
        ? 'This document is archived, so nobody can change it. Ask an editor to restore it first.'
        : 'You can read and comment on this document, but not change its text. Ask an editor to let carers edit it.';
    case 'document.manage':
      return 'Only admins, editors and the person who started this document can rename it, archive it or change who may edit it.';
    default:
      return 'You are not a member of this workspace.';
  }
}

/** Like `authorizeDocument`, for a document's version history. */
export function authorizeDocumentVersion(
  actor: Actor,
  action: DocumentVersionAction,
  doc: DocumentFacts,
): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('document');
  if (!documentVersionRoleMay(actor.role, action, actor.userId, doc, actor.grants)) {
    if (action === 'version.view') throw new AppError('forbidden', documentForbiddenMessage('document.view', doc));
    const verb = action === 'version.name' ? 'name a version of' : 'restore an earlier version of';
    throw new AppError(
      'forbidden',
      doc.archived
        ? `This document is archived, so nobody can ${verb} it. Ask an editor to restore it first.`
        : `Only people who may edit this document can ${verb} it. Ask an editor to let carers edit it.`,
    );
  }
}

/** Like `authorize`, for one clip (or, for `clip.upload`, the workspace it would go in). */
export function authorizeClip(
  actor: Actor,
  action: ClipAction,
  clip?: ClipFacts,
): asserts actor is Actor & { role: Role } {
  if (!actor.role) throw notFound('clip');
  if (!clipRoleMay(actor.role, action, actor.userId, clip)) {
    if (clip?.withdrawn)
      throw new AppError(
        'clip_withdrawn',
        'This recording was withdrawn by the person who made it, so it can no longer be used.',
      );
    throw new AppError('forbidden', clipForbiddenMessages[action]);
  }
}

export const mayClip = (actor: Actor, action: ClipAction, clip?: ClipFacts): boolean =>
  actor.role !== undefined && clipRoleMay(actor.role, action, actor.userId, clip);

export function clipAbilitiesOf(actor: Actor, clip: ClipFacts): Clip['abilities'] {
  return {
    comment: mayClip(actor, 'clip.comment', clip),
    review: mayClip(actor, 'clip.review', clip),
    changeConsent: mayClip(actor, 'clip.changeConsent', clip),
    withdraw: mayClip(actor, 'clip.withdraw', clip) && !clip.withdrawn,
  };
}

const clipForbiddenMessages: Record<ClipAction, string> = {
  'clip.upload': 'You are not a member of this workspace.',
  'clip.view': 'You are not a member of this workspace.',
  'clip.listen': 'You are not a member of this workspace.',
  'clip.comment': 'You are not a member of this workspace.',
  'clip.review': 'Only admins and editors can review recordings. You can still listen and leave comments.',
  'clip.changeConsent':
    'Only the person who made this recording (or an admin, on their behalf) can change what it may be used for.',
  'clip.withdraw': 'Only the person who made this recording (or an admin, on their behalf) can withdraw it.',
  'clip.record': 'Only the person making this recording can add to it, send it or throw it away.',
};

const article = (role: Role) => (role === 'admin' || role === 'editor' || role === 'expert' ? 'an' : 'a');
const listOr = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

const episodeForbiddenMessages: Record<EpisodeAction, string> = {
  'episode.view': 'You are not a member of this workspace.',
  'episode.create': 'Only admins and editors can start an episode or change the show. Ask one of them.',
  'episode.edit': 'Only admins and editors can change an episode or its timeline. You can still listen to it.',
  'episode.render': 'Only admins and editors can render an episode. You can still listen to its renders.',
  'episode.publish': 'Only admins and editors can publish or unpublish an episode.',
  'episode.publishWithoutSignoff':
    'Only an admin can publish an episode before everyone heard in it has signed off. Wait for their sign-off, or ask an admin.',
};

/** Like `authorize`, for episodes and the show: 404 outside the workspace, 403 with a reason inside it. */
export function authorizeEpisode(actor: Actor, action: EpisodeAction): asserts actor is Actor & { role: Role } {
  requireRole(actor, 'episode', (role) => episodeRoleMay(role, action, actor.grants), episodeForbiddenMessages[action]);
}

export const mayEpisode = (actor: Actor, action: EpisodeAction): boolean =>
  actor.role !== undefined && episodeRoleMay(actor.role, action, actor.grants);

const musicForbiddenMessages: Record<MusicAction, string> = {
  'music.view': 'You are not a member of this workspace.',
  'music.manage': 'Only admins and editors can add or remove music. Ask one of them.',
};

/** Like `authorize`, for the workspace's music: 404 outside the workspace, 403 with a reason inside it. */
export function authorizeMusic(actor: Actor, action: MusicAction): asserts actor is Actor & { role: Role } {
  requireRole(actor, 'music', (role) => musicRoleMay(role, action), musicForbiddenMessages[action]);
}

export const mayMusic = (actor: Actor, action: MusicAction): boolean =>
  actor.role !== undefined && musicRoleMay(actor.role, action);

const editionForbiddenMessages: Record<EditionAction, string> = {
  'edition.view': 'You are not a member of this workspace.',
  'edition.publish': 'Only admins and editors can publish or unpublish an edition. Ask one of them.',
  'edition.publishWithoutSignoff':
    'Only an admin can make an edition public before everyone quoted in it has signed off. Wait for their sign-off, or ask an admin.',
};

/** Like `authorize`, for a document's published editions: 404 outside the workspace, 403 with a reason inside it. */
export function authorizeEdition(actor: Actor, action: EditionAction): asserts actor is Actor & { role: Role } {
  requireRole(actor, 'edition', (role) => editionRoleMay(role, action), editionForbiddenMessages[action]);
}

export const mayEdition = (actor: Actor, action: EditionAction): boolean =>
  actor.role !== undefined && editionRoleMay(actor.role, action);
