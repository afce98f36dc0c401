import type { UserMessage } from '../lib/user-message.ts';

/** An error in the user's words with each problem listed; the engine's words only behind "Technical details". */
export function ProblemReport({ report, testId, className = 'import-error' }: { report: UserMessage; testId?: string; className?: string }) {
  return (
    <div role="alert" className={className} data-testid={testId}>
      <p>{report.message}</p>
      {report.problems.length > 0 && (
        <ul className="problem-report__list">{report.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
      )}
      {report.details && (
        <details className="problem-report__details">
          <summary>Technical details</summary>
          <pre>{report.details}</pre>
        </details>
      )}
    </div>
  );
}
