/** What went wrong with what the person just did, read out at once; nothing when all is well. */
export function ProblemAlert({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="field__error" role="alert">
      <span className="visually-hidden">Error: </span>
      {problem}
    </p>
  );
}
