import type { CandidateSummary } from '@/lib/protocol/messages';

/** Customers to choose from, with a hint (last order, email) to tell namesakes apart. */
export function CandidateList({
  candidates,
  onPick,
  label,
}: {
  candidates: CandidateSummary[];
  onPick: (id: string) => void;
  label: string;
}) {
  return (
    <ul className="results" aria-label={label}>
      {candidates.map((candidate) => (
        <li key={candidate.id}>
          <button type="button" onClick={() => onPick(candidate.id)}>
            <strong>{candidate.name}</strong>
            <br />
            <span className="muted">{candidate.hint}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
