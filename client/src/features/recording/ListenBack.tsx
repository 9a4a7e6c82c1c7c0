import { useEffect, useRef } from 'react';

/**
 * The recording as made on this device, to play before sending. MediaRecorder's WebM says nothing about
 * its length, so Chrome reports an endless duration (and a useless seek bar) until it has seen the end:
 * asking for a far-off time makes it find the end, then we go back to the start.
 */
export function ListenBack({ url }: { url: string }) {
  const audio = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    const findEnd = () => {
      if (el.duration !== Infinity) return;
      const back = () => {
        if (el.duration === Infinity) return;
        el.removeEventListener('durationchange', back);
        el.currentTime = 0;
      };
      el.addEventListener('durationchange', back);
      el.currentTime = Number.MAX_SAFE_INTEGER;
    };
    el.addEventListener('loadedmetadata', findEnd);
    if (el.readyState >= HTMLMediaElement.HAVE_METADATA) findEnd();
    return () => el.removeEventListener('loadedmetadata', findEnd);
  }, [url]);

  return (
    <div className="listen-back">
      <h2 className="heading-m" id="listen-back-heading" tabIndex={-1}>
        Listen back
      </h2>
      <audio
        ref={audio}
        className="listen-back__audio"
        controls
        preload="metadata"
        src={url}
        aria-labelledby="listen-back-heading"
      />
    </div>
  );
}
