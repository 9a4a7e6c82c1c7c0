import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { CaretUser } from './caret';

const isUser = (value: unknown): value is CaretUser =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CaretUser).id === 'string' &&
  typeof (value as CaretUser).name === 'string';

/** Everyone with the document open, once each (the same person in two tabs is one person), by name. */
function peopleIn(awareness: Awareness): CaretUser[] {
  const people = new Map<string, CaretUser>();
  for (const state of awareness.getStates().values()) {
    const user: unknown = state.user;
    if (isUser(user)) people.set(user.id, user);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function usePeople(awareness: Awareness): CaretUser[] {
  const [people, setPeople] = useState(() => peopleIn(awareness));
  useEffect(() => {
    const refresh = () => setPeople(peopleIn(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return people;
}

export function WhoIsHere({ awareness, myId }: { awareness: Awareness; myId: string }) {
  const people = usePeople(awareness);
  return (
    <section className="who-is-here" aria-labelledby="who-is-here-title">
      <h2 className="who-is-here__title" id="who-is-here-title">
        Who is here
      </h2>
      <ul className="who-is-here__list">
        {people.map((p) => (
          <li key={p.id} className="who-is-here__person">
            <span className="who-is-here__dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
            {p.name}
            {p.id === myId ? ' (you)' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
