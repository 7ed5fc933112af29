import { useI18n } from '../../i18n/i18n.js';
import type { DoorPositionState } from './use-door-position.js';

/** Where the phone is, or why it cannot say: shown, never in the way of the close. */
export function PositionLine({ state, onRetry }: { state: DoorPositionState; onRetry: () => void }) {
  const { t } = useI18n();
  const text = state.finding ? t('close.positionFinding')
    : 'unavailable' in state.position ? t(`close.position.${state.position.unavailable}`)
      : t('close.positionFound', { meters: Math.round(state.position.accuracyM) });
  const unavailable = !state.finding && 'unavailable' in state.position;
  return (
    <div className="proof-field position-line">
      <p className="field-title">{t('close.position')}</p>
      <p role="status" className={unavailable ? 'muted' : undefined}>{text}</p>
      {unavailable && <button type="button" className="secondary" onClick={onRetry}>{t('close.retryPosition')}</button>}
    </div>
  );
}
