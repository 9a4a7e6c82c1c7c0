import { useEffect, useState } from 'react';
import type { PieceUploader, UploadStatus } from './pieceUploader';

/** The uploader's status, kept current; null without an uploader. */
export function useUploadStatus(uploader: PieceUploader | null): UploadStatus | null {
  const [status, setStatus] = useState<UploadStatus | null>(uploader?.status ?? null);
  useEffect(() => {
    setStatus(uploader?.status ?? null);
    return uploader?.subscribe(setStatus);
  }, [uploader]);
  return status;
}
