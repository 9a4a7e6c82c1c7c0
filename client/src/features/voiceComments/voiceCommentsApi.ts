import {
  voiceCommentSchema,
  type VoiceComment,
  type VoiceCommentTarget,
} from '../../../../shared/contracts/voiceComments';
import { requestEmpty, requestJson } from '../../api/http';

const one = (id: string) => `/api/voice-comments/${encodeURIComponent(id)}`;

export const sendVoiceComment = (recordingId: string, target: VoiceCommentTarget): Promise<VoiceComment> =>
  requestJson('POST', `/api/recordings/${encodeURIComponent(recordingId)}/voice-comment`, voiceCommentSchema, {
    target,
  });

export const getVoiceComment = (id: string): Promise<VoiceComment> => requestJson('GET', one(id), voiceCommentSchema);

export const writeVoiceCommentWords = (id: string, text: string): Promise<VoiceComment> =>
  requestJson('PUT', `${one(id)}/transcript`, voiceCommentSchema, { text });

export const deleteVoiceComment = (id: string): Promise<void> => requestEmpty('DELETE', one(id));
