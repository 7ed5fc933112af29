/** A refused scan that the person must acknowledge with a big button, so it is never missed. */
export function ScanProblem({ message, acknowledge, onAcknowledge }: { message: string; acknowledge: string; onAcknowledge: () => void }) {
  return (
    <div role="alertdialog" aria-labelledby="scan-problem-text" className="blocking">
      <p id="scan-problem-text">{message}</p>
      <button type="button" className="primary big" onClick={onAcknowledge}>{acknowledge}</button>
    </div>
  );
}
