import type { ReactNode } from 'react';
import { whenWords } from './clipWords';

/** Comment threads on clips and on documents are laid out alike: these are the parts they share. */

interface Person {
  id: string;
  name: string;
}

const who = (person: Person, myId: string) => (person.id === myId ? `${person.name} (you)` : person.name);

/** The thread's number, its heading (what it is about) and, once resolved, a tag saying so. */
export function ThreadHead({
  number,
  headingId,
  level: Heading,
  resolved,
  children,
}: {
  number: number;
  headingId: string;
  level: 'h3' | 'h4';
  resolved: boolean;
  children: ReactNode;
}) {
  return (
    <div className="thread__head">
      <span className="thread__number" aria-hidden="true">
        {number}
      </span>
      <Heading className="thread__title" id={headingId}>
        {children}
      </Heading>
      {resolved ? <strong className="clip-tag clip-tag--done">Resolved</strong> : null}
    </div>
  );
}

/** "Ann (you) on 3 December 2025 at 2:05pm": who wrote a comment, and when. */
export function WhoSaid({
  person,
  myId,
  at,
  replied,
  id,
}: {
  person: Person;
  myId: string;
  at: string;
  replied?: boolean;
  id?: string;
}) {
  return (
    <p className="thread__who" id={id}>
      <strong>{who(person, myId)}</strong>{' '}
      <span className="quiet">
        {replied ? 'replied on' : 'on'} {whenWords(at)}
      </span>
    </p>
  );
}

/** "Resolved by Ann on …", once someone has. */
export function ResolvedBy({ person, myId, at }: { person: Person | null; myId: string; at: string }) {
  if (!person) return null;
  return (
    <p className="quiet thread__resolved">
      Resolved by {who(person, myId)} on {whenWords(at)}.
    </p>
  );
}
