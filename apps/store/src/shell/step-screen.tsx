import type { Actor } from '@repo/domain';
import type { OrderStep } from '../features/dispatch/order-steps.js';
import { BagLabel, HandoffScreen, PickScreen, ReturnScreen } from './lazy-screens.js';

interface StepScreenProps {
  readonly orderId: string;
  readonly step: OrderStep;
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly onBack: () => void;
  readonly onDone: () => void;
}

/** The screen of each store step after the accept, reached from the order's next-step button. */
export function StepScreen({ orderId, step, actor, onBack, onDone }: StepScreenProps) {
  switch (step) {
    case 'pick':
      return <PickScreen orderId={orderId} actor={actor} onBack={onBack} onDone={onDone} />;
    case 'handoff':
      return <HandoffScreen orderId={orderId} actor={actor} onBack={onBack} onDone={onDone} />;
    case 'label':
      return <BagLabel orderId={orderId} onBack={onBack} />;
    case 'return':
      return <ReturnScreen orderId={orderId} actor={actor} onBack={onBack} onDone={onDone} />;
  }
}
