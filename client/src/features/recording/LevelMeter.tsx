import { StatusMessage } from '../../components/StatusMessage';

const checkMicrophone = 'Check that your microphone is switched on and not muted, and speak a little closer to it.';

/**
 * How loud the microphone is, as a bar that moves while someone speaks, so people can see it hears them.
 * Screen readers get the words beside it instead of a number that changes ten times a second.
 */
export function LevelMeter({ level, active, hearing }: { level: number; active: boolean; hearing: boolean }) {
  const words = !active ? 'Microphone off' : hearing ? 'The microphone can hear you' : 'We cannot hear anything';
  return (
    <div className="level">
      <div className="level__track" aria-hidden="true">
        <div className="level__bar" style={{ transform: `scaleX(${active ? Math.max(0.02, level) : 0})` }} />
      </div>
      <p className={active && !hearing ? 'level__words level__words--warning' : 'level__words'}>
        {words}
        {active && !hearing ? `. ${checkMicrophone}` : null}
      </p>
      {/* Said when it appears (not each time the microphone hears speech again), for those who cannot see the bar. */}
      <div className="visually-hidden">
        <StatusMessage>{active && !hearing ? `We cannot hear anything. ${checkMicrophone}` : ''}</StatusMessage>
      </div>
    </div>
  );
}
