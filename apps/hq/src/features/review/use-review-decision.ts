import { useState } from 'react';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';

export type ReviewOutcome = 'approved' | 'sentToCallList' | 'confirmedDone' | 'cancelledDone';

/**
 * One decision on a web order at a time (审核通过, 电话确认, the call's outcome): busy while it is
 * sent, the server's problem shown on the card if refused, the list told once it is done.
 */
export function useReviewDecision(orderNumber: string, onDecided: (outcome: ReviewOutcome, number: string) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function decide(run: () => Promise<unknown>, outcome: ReviewOutcome) {
    setBusy(true);
    setProblem(null);
    try {
      await run();
      onDecided(outcome, orderNumber);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, decide };
}
