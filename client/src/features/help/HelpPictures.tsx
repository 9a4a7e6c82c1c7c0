import type { ReactNode } from 'react';

/**
 * Simple pictures for the help pages, drawn inline (no image files, nothing fetched). Lines are in the text
 * colour, so they follow forced colours (Windows high contrast) and dark text sizes alike; each picture has a
 * short description for screen readers, as the sentence beside it says the same thing in words.
 */
interface PictureProps {
  /** What the picture shows, for screen readers. */
  label: string;
}

/** A picture component from its drawing: the frame, size and description are the same for all of them. */
function picture(drawing: ReactNode) {
  return function HelpPicture({ label }: PictureProps) {
    return (
      <svg className="help-picture" viewBox="0 0 120 90" role="img" aria-label={label} focusable="false">
        {drawing}
      </svg>
    );
  };
}

/** A microphone with sound coming from it. */
export const MicrophonePicture = picture(
  <>
    <rect className="help-picture__fill" x="48" y="12" width="24" height="40" rx="12" />
    <path d="M38 40a22 22 0 0 0 44 0M60 62v14M46 78h28" />
    <path className="help-picture__accent" d="M92 24q8 10 0 20M100 18q14 16 0 32M28 24q-8 10 0 20M20 18q-14 16 0 32" />
  </>,
);

/** A card with two ticked boxes and one unticked. */
export const ChoicesPicture = picture(
  <>
    <rect className="help-picture__fill" x="22" y="8" width="76" height="74" rx="6" />
    <rect x="32" y="18" width="14" height="14" />
    <path className="help-picture__accent" d="M34 25l4 4 7-9" />
    <path d="M54 25h34" />
    <rect x="32" y="40" width="14" height="14" />
    <path className="help-picture__accent" d="M34 47l4 4 7-9" />
    <path d="M54 47h34" />
    <rect x="32" y="62" width="14" height="14" />
    <path d="M54 69h26" />
  </>,
);

/** Two arrows going round: changing your mind. */
export const ChangePicture = picture(
  <>
    <path d="M30 45a30 30 0 0 1 52-20" />
    <path d="M84 12v14H70" />
    <path d="M90 45a30 30 0 0 1-52 20" />
    <path d="M36 78V64h14" />
  </>,
);

/** A page of writing beside a play button. */
export const WordsPicture = picture(
  <>
    <rect className="help-picture__fill" x="14" y="10" width="60" height="72" rx="4" />
    <path d="M24 26h40M24 38h34M24 50h40M24 62h26" />
    <circle cx="94" cy="46" r="16" />
    <path className="help-picture__accent" d="M89 38v16l13-8z" />
  </>,
);

/** A pair of headphones and a tick. */
export const ApprovePicture = picture(
  <>
    <path d="M22 56V46a30 30 0 0 1 60 0v10" />
    <rect className="help-picture__fill" x="16" y="52" width="14" height="24" rx="4" />
    <rect className="help-picture__fill" x="74" y="52" width="14" height="24" rx="4" />
    <path className="help-picture__accent" d="M90 30l8 8 16-18" />
  </>,
);

/** A timeline of three pieces, put together. */
export const TimelinePicture = picture(
  <>
    <path d="M10 70h100" />
    <rect className="help-picture__fill" x="12" y="30" width="30" height="24" rx="3" />
    <rect className="help-picture__fill" x="46" y="30" width="22" height="24" rx="3" />
    <rect className="help-picture__fill" x="72" y="30" width="36" height="24" rx="3" />
    <path className="help-picture__accent" d="M20 42h14M52 42h10M80 42h20" />
  </>,
);

/** Two speech bubbles: talking together. */
export const TogetherPicture = picture(
  <>
    <path className="help-picture__fill" d="M10 14h58v34H34l-12 12V48H10z" />
    <path className="help-picture__fill" d="M52 40h58v34H98v12L86 74H52z" />
    <path d="M20 26h38M20 36h28M62 52h38M62 62h26" />
  </>,
);
