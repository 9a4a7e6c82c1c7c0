import type { Request } from 'express';
import multer from 'multer';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { StorageUnavailableError } from '../storage/storageUnavailable';
import { missingFile, requireMultipart, uploadError, type UploadForm } from './multipartUpload';

const recording: UploadForm = {
  field: 'audio',
  file: 'recording',
  fields: 'a title, your consent choices and one recording',
};
const picture: UploadForm = { field: 'image', file: 'picture', maxBytes: 5 * 1024 * 1024 };

const wordsOf = (e: AppError) => ({ code: e.code, status: e.status, message: e.message });

describe('uploadError', () => {
  it('passes on an AppError a storage engine threw, unchanged', () => {
    const thrown = new AppError('unsupported_media_type', 'Not audio.');
    expect(uploadError(thrown, recording)).toBe(thrown);
  });

  it('says storage failed, not that the upload was cut off, when storage stopped answering', () => {
    const e = uploadError(new StorageUnavailableError(), recording);
    expect(wordsOf(e)).toEqual({
      code: 'unavailable',
      status: 503,
      message:
        'Your recording could not be saved because file storage is not answering right now. Please try again in a few minutes.',
    });
  });

  it('asks for one file when more than one, or one in another field, arrives', () => {
    for (const code of ['LIMIT_UNEXPECTED_FILE', 'LIMIT_FILE_COUNT'] as const) {
      expect(wordsOf(uploadError(new multer.MulterError(code), recording))).toEqual({
        code: 'validation_failed',
        status: 400,
        message: 'Send one recording, in the field "audio".',
      });
      expect(uploadError(new multer.MulterError(code), picture).message).toBe(
        'Send one picture, in the field "image".',
      );
    }
  });

  it('names the whole form for other problems with a form that has fields besides the file', () => {
    const e = uploadError(new multer.MulterError('LIMIT_FIELD_COUNT'), recording);
    expect(wordsOf(e)).toEqual({
      code: 'validation_failed',
      status: 400,
      message: 'The upload form has a problem (Too many fields). Send a title, your consent choices and one recording.',
    });
  });

  it('asks for one file for other problems with a form that holds only the file', () => {
    expect(uploadError(new multer.MulterError('LIMIT_FIELD_COUNT'), picture).message).toBe(
      'Send one picture, in the field "image".',
    );
  });

  it('names the limit when multer itself enforces one', () => {
    expect(wordsOf(uploadError(new multer.MulterError('LIMIT_FILE_SIZE'), picture))).toEqual({
      code: 'payload_too_large',
      status: 413,
      message: 'This picture is larger than the 5 MB limit. Save a smaller file and upload it again.',
    });
  });

  it('treats anything else as a request cut off on the way', () => {
    expect(wordsOf(uploadError(new Error('Unexpected end of form'), recording))).toEqual({
      code: 'malformed_request',
      status: 400,
      message: 'The upload was cut off before it finished. Please try again.',
    });
  });
});

describe('missingFile', () => {
  it('asks for the file in its field', () => {
    expect(missingFile(recording).toBody().error).toMatchObject({
      code: 'validation_failed',
      message: 'Choose a recording to upload, in the field "audio".',
      fields: [{ path: 'audio', message: 'Choose a recording to upload.' }],
    });
  });
});

describe('requireMultipart', () => {
  const request = (contentType: string) =>
    ({ is: (type: string) => (contentType.startsWith(type) ? type : false) }) as unknown as Request;

  it('lets a multipart form through', () => {
    expect(() => requireMultipart(request('multipart/form-data; boundary=x'), picture)).not.toThrow();
  });

  it('refuses anything else, saying how to send the file', () => {
    expect(() => requireMultipart(request('application/json'), picture)).toThrow(
      expect.objectContaining({
        code: 'unsupported_media_type',
        message: 'Send the picture as a multipart/form-data upload, with the file in the field "image".',
      }),
    );
    expect(() => requireMultipart(request('application/json'), recording, 'Send it as a form.')).toThrow(
      expect.objectContaining({ message: 'Send it as a form.' }),
    );
  });
});
