import type { ClipConsentsTable, ClipsTable, UsersTable } from '../../db/schema';
import { consentAllows, consentFactsOf } from '../../policies/consent';
import type { Services } from '../../services';
import { clipKeys, musicOriginalKey } from '../../storage/keys';
import type { LiveTranscripts } from '../transcripts/liveTranscripts';
import { statementLines } from '../involvement/paymentOperations';
import { statementTotals } from '../involvement/statement';
import { presentSegments } from '../transcripts/presentTranscript';
import { parseTasks } from '../strengths/strengthsOperations';

/** One file of the download: JSON made here, or a stored object streamed from blob storage. */
export type MyDataFile = { name: string; json: unknown } | { name: string; blobKey: string };

/** Who made a decision, without naming anyone else: the person's own data holds nobody else's. */
const by = (userId: string, actorId: string | null) => (actorId === userId ? 'you' : 'someone else');

const extensionOf = (format: string) => (/^[a-z0-9]{1,8}$/.test(format) ? format : 'bin');

function presentConsentRecord(userId: string, row: ClipConsentsTable) {
  return {
    at: row.created_at,
    decision: row.kind,
    podcast: row.podcast === 1,
    publicationQuotes: row.publication_quotes === 1,
    whoMayHear: row.audience === 'public' ? 'anyone' : 'people in this workspace only',
    wordingVersion: row.wording_version,
    by: by(userId, row.recorded_by),
  };
}

/**
 * Everything Chorus keeps about one person, as the files of their download: small JSON files read now, and
 * their recordings' audio to be streamed one after another. Audio is included only while the consent rules
 * allow it to be heard (`clip.listen`): a withdrawn recording's audio is gone and its record says so.
 */
export async function collectMyData(
  services: Services,
  transcripts: LiveTranscripts,
  user: UsersTable,
): Promise<MyDataFile[]> {
  const db = services.myData;
  const [memberships, clips, clipComments, documentComments] = await Promise.all([
    db.memberships(user.id),
    db.clips(user.id),
    db.clipComments(user.id),
    db.documentComments(user.id),
  ]);
  const clipIds = clips.map((c) => c.id);
  const [consents, audit] = await Promise.all([db.consents(clipIds), db.auditAbout(user.id, clipIds)]);
  const workspaceName = new Map(memberships.map((m) => [m.workspace_id, m.workspace_name]));
  const historyOf = (clipId: string) => consents.filter((c) => c.clip_id === clipId);

  const files: MyDataFile[] = [
    {
      name: 'account.json',
      json: { id: user.id, name: user.name, email: user.email, createdAt: user.created_at },
    },
    {
      name: 'memberships.json',
      json: memberships.map((m) => ({
        workspaceId: m.workspace_id,
        workspace: m.workspace_name,
        role: m.role,
        joinedAt: m.created_at,
        creditedByName: m.credit_name !== null,
        creditName: m.credit_name,
      })),
    },
  ];
  const recordings = [];
  for (const clip of clips) {
    const folder = `recordings/${clip.id}`;
    const history = historyOf(clip.id);
    const facts = consentFactsOf(history.at(-1), clip.withdrawn_at);
    const audio = await audioFiles(services, clip, consentAllows(facts, 'clip.listen'), folder);
    files.push(...audio);
    const transcript = await transcriptOf(services, transcripts, clip);
    if (transcript) files.push({ name: `${folder}/transcript.json`, json: transcript });
    recordings.push({
      id: clip.id,
      title: clip.title,
      workspaceId: clip.workspace_id,
      workspace: workspaceName.get(clip.workspace_id) ?? null,
      recordedAt: clip.created_at,
      originalFileName: clip.original_filename,
      durationSeconds: clip.duration_seconds,
      status: clip.status,
      review: clip.review_state,
      withdrawnAt: clip.withdrawn_at,
      files: [...audio.map((f) => f.name), ...(transcript ? [`${folder}/transcript.json`] : [])],
      consentNow: facts
        ? {
            withdrawn: facts.withdrawn,
            podcast: facts.podcast,
            publicationQuotes: facts.publicationQuotes,
            whoMayHear: facts.audience === 'public' ? 'anyone' : 'people in this workspace only',
          }
        : null,
    });
  }
  files.push(
    { name: 'recordings.json', json: recordings },
    {
      name: 'consent.json',
      json: {
        recordings: clips.map((c) => ({
          recordingId: c.id,
          title: c.title,
          history: historyOf(c.id).map((row) => presentConsentRecord(user.id, row)),
        })),
        creditByName: memberships.map((m) => ({
          workspace: m.workspace_name,
          creditedByName: m.credit_name !== null,
          creditName: m.credit_name,
        })),
      },
    },
    {
      name: 'comments.json',
      json: {
        onRecordings: clipComments.map((c) => ({
          id: c.id,
          recordingId: c.clip_id,
          recording: c.clip_title,
          workspace: workspaceName.get(c.workspace_id) ?? null,
          isReply: c.parent_id !== null,
          atSeconds: c.at_seconds,
          endSeconds: c.end_seconds,
          text: c.body,
          writtenAt: c.created_at,
        })),
        onDocuments: documentComments.map((c) => ({
          id: c.id,
          documentId: c.document_id,
          document: c.document_title,
          workspace: workspaceName.get(c.workspace_id) ?? null,
          text: c.body,
          writtenAt: c.created_at,
        })),
      },
    },
    {
      name: 'history.json',
      json: audit.map((a) => ({
        at: a.created_at,
        what: a.action,
        workspace: a.workspace_id ? (workspaceName.get(a.workspace_id) ?? null) : null,
        by: by(user.id, a.actor_id),
        about: a.subject_id === user.id ? 'you' : (clips.find((c) => c.id === a.subject_id)?.title ?? a.subject_id),
        detail: JSON.parse(a.detail) as unknown,
      })),
    },
    { name: 'involvement.json', json: await involvementOf(services, user.id, memberships) },
    { name: 'strengths.json', json: await strengthsOf(services, user.id, memberships) },
    ...(await uploadsOf(services, user.id, workspaceName)),
  );
  return files;
}

const pictureExtension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

/**
 * The pictures the person added to documents and the music they uploaded for episodes: each file as stored (where
 * it still is), listed in uploads.json with where it was used. Files are named by id, never by the name they were
 * uploaded under, so nothing a person typed becomes a path in the zip.
 */
async function uploadsOf(services: Services, userId: string, workspaceName: Map<string, string>) {
  const [pictures, music] = await Promise.all([services.myData.pictures(userId), services.myData.music(userId)]);
  const files: MyDataFile[] = [];
  const kept = async (blobKey: string, name: string) => {
    if (!(await services.blobs.head(blobKey))) return null;
    files.push({ name, blobKey });
    return name;
  };
  const listed = {
    pictures: [] as unknown[],
    music: [] as unknown[],
  };
  for (const p of pictures)
    listed.pictures.push({
      id: p.id,
      document: p.document_title,
      documentId: p.document_id,
      workspace: workspaceName.get(p.workspace_id) ?? null,
      addedAt: p.created_at,
      file: await kept(p.blob_key, `uploads/pictures/${p.id}.${pictureExtension[p.content_type]}`),
    });
  for (const m of music)
    listed.music.push({
      id: m.id,
      title: m.title,
      uploadedAs: m.original_filename,
      workspace: workspaceName.get(m.workspace_id) ?? null,
      uploadedAt: m.created_at,
      file: await kept(
        musicOriginalKey(m.workspace_id, m.id),
        `uploads/music/${m.id}.${extensionOf(m.original_format)}`,
      ),
    });
  if (pictures.length === 0 && music.length === 0) return [];
  return [{ name: 'uploads.json', json: listed }, ...files];
}

/**
 * What the person said they bring and would like to try, the tasks offered to them and the abilities agreed for
 * them, per workspace (docs/member-strengths.md); who offered or agreed is "you" or "someone else", as elsewhere.
 */
async function strengthsOf(
  services: Services,
  userId: string,
  memberships: { workspace_id: string; workspace_name: string }[],
) {
  const out = [];
  for (const m of memberships) {
    const [members, offers, grants] = await Promise.all([
      services.strengths.membersWithStrengths(m.workspace_id),
      services.strengths.offersIn(m.workspace_id, userId),
      services.strengths.grantsIn(m.workspace_id),
    ]);
    const mine = members.find((x) => x.user_id === userId);
    const agreed = grants.filter((g) => g.user_id === userId);
    if (!mine?.updated_at && offers.length === 0 && agreed.length === 0) continue;
    out.push({
      workspace: m.workspace_name,
      brings: mine?.brings ?? '',
      wantsToTry: parseTasks(mine?.wants_to_try ?? null),
      wantsToTryOther: mine?.wants_to_try_other ?? '',
      tasksOffered: offers.map((o) => ({
        task: o.task,
        message: o.message,
        by: by(userId, o.offered_by),
        at: o.created_at,
        answer: o.status,
        answeredAt: o.responded_at,
      })),
      alsoAllowed: agreed.map((g) => ({ ability: g.ability, by: by(userId, g.granted_by), at: g.granted_at })),
    });
  }
  return out;
}

/**
 * What the person took part in and what they are owed for it, per workspace: the statement they see themselves
 * (amounts in the currency's minor unit), with their payment choices. Workspaces where they have none are left out.
 */
async function involvementOf(
  services: Services,
  userId: string,
  memberships: { workspace_id: string; workspace_name: string }[],
) {
  const statements = [];
  for (const m of memberships) {
    const { currency, lines } = await statementLines(services, m.workspace_id, { userId });
    if (lines.length === 0) continue;
    const shown = lines.map((l) => l.line);
    statements.push({ workspace: m.workspace_name, currency, lines: shown, totals: statementTotals(shown) });
  }
  return statements;
}

/** The recording as it was sent and the listening copy made from it, where they are stored and may be heard. */
async function audioFiles(services: Services, clip: ClipsTable, mayListen: boolean, folder: string) {
  if (!mayListen) return [];
  const keys = clipKeys(clip.workspace_id, clip.id);
  const found: MyDataFile[] = [];
  for (const [key, name] of [
    [keys.original, `original.${extensionOf(clip.original_format)}`],
    [keys.listening, keys.listening.split('/').at(-1)!],
  ] as const) {
    if (await services.blobs.head(key)) found.push({ name: `${folder}/${name}`, blobKey: key });
  }
  return found;
}

async function transcriptOf(services: Services, transcripts: LiveTranscripts, clip: ClipsTable) {
  // Only a transcript that exists: reading never makes an empty one.
  if (clip.withdrawn_at || !(await services.clipTranscripts.find(clip.id))) return undefined;
  const live = await transcripts.read(clip);
  return { segments: presentSegments(live.segments), speakers: live.speakers, checked: live.checked };
}
