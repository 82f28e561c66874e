import type { CandidateSummary } from '@/lib/protocol/messages';

/** Customers to choose from, with why each is proposed and a hint (last order, email) to tell namesakes apart. */
export function CandidateList({
  candidates,
  onPick,
  label,
  reasons,
}: {
  candidates: CandidateSummary[];
  onPick: (id: string) => void;
  label: string;
  /** Why each is proposed, in the user's language: "requester", "in a quoted message". */
  reasons?: Record<NonNullable<CandidateSummary['reason']>, string>;
}) {
  return (
    <ul className="results" aria-label={label}>
      {candidates.map((candidate) => (
        <li key={candidate.id}>
          <button type="button" onClick={() => onPick(candidate.id)}>
            <strong>{candidate.name}</strong>
            <br />
            <span className="muted">
              {[candidate.reason && reasons?.[candidate.reason], candidate.hint].filter(Boolean).join(' · ')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
