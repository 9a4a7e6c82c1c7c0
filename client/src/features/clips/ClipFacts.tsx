import type { ReactNode } from 'react';
import type { Clip } from '../../../../shared/contracts/clips';
import { ClipStatusTag } from './ClipStatus';
import { lengthWords, reviewWordsFor, whenWords } from './clipWords';
import { ConsentGlance } from './ConsentGlance';

/** The recording at a glance, as a summary list: who, when, how long, status, review, consent. */
export function ClipFacts({ clip, myId }: { clip: Clip; myId: string }) {
  // Plain words (docs/words.md) for everyone who does not review: carers and experts.
  const plain = !clip.abilities.review;
  const mine = clip.contributor.id === myId;
  const rows: Array<[string, ReactNode]> = [
    ['Recorded by', clip.contributor.id === myId ? `${clip.contributor.name} (you)` : clip.contributor.name],
    ['Sent on', whenWords(clip.createdAt)],
    ['Length', clip.media ? lengthWords(clip.media.durationSeconds) : 'Not known yet'],
    ['Status', <ClipStatusTag key="s" clip={clip} />],
    ['Review', reviewWordsFor(plain)[clip.review.state]],
    [
      'May be used for',
      <ConsentGlance
        key="c"
        consent={clip.consent}
        withdrawn={clip.withdrawn}
        plainFor={plain ? (mine ? 'You' : clip.contributor.name) : undefined}
      />,
    ],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([key, value]) => (
        <div className="summary-list__row" key={key}>
          <dt className="summary-list__key">{key}</dt>
          <dd className="summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
