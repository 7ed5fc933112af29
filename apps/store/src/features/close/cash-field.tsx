import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';

export interface Cash {
  readonly text: string;
  readonly setText: (text: string) => void;
  /** The amount typed, in fen; undefined while it is not an amount. */
  readonly fen: number | undefined;
  readonly dueFen: number;
}

/** The cash collected, prefilled with the amount due and editable (the customer may pay short). */
export function useCash(dueFen: number): Cash {
  const [text, setText] = useState((dueFen / 100).toFixed(2));
  return { text, setText, fen: fenOf(text), dueFen };
}

/** "12.5" -> 1250; anything that is not a plain amount of yuan (at most 100,000) -> undefined. */
export function fenOf(text: string): number | undefined {
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= 10_000_000 ? fen : undefined;
}

export function CashField({ cash, dueText }: { cash: Cash; dueText: string }) {
  const { t } = useI18n();
  const invalid = cash.fen === undefined;
  return (
    <div className="proof-field">
      <label htmlFor="cash-collected">{t('close.cash')} <span className="muted">{t('close.cashDue', { amount: dueText })}</span></label>
      <input
        id="cash-collected" className="cash-input" inputMode="decimal" autoComplete="off" value={cash.text}
        aria-invalid={invalid} onChange={(e) => cash.setText(e.target.value)}
      />
      {invalid && <p role="alert" className="error">{t('close.cashInvalid')}</p>}
      {!invalid && cash.fen !== cash.dueFen && <p role="status" className="warning-text">{t('close.cashDiffers', { amount: dueText })}</p>}
    </div>
  );
}
