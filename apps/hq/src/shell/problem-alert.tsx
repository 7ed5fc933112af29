import type { ApiProblem } from '../api/api-problem.js';
import { useI18n } from '../i18n/i18n.js';

/** Says why a call failed: the translated rejection reason when the server gave one, else its words. */
export function ProblemAlert({ problem }: { problem: ApiProblem | null }) {
  const { t } = useI18n();
  if (!problem) return null;
  const text = problem.rejection ? t(`rejection.${problem.rejection}`) : problem.code === null ? t('error.unreachable') : problem.message;
  return <p role="alert" className="error">{text}</p>;
}
