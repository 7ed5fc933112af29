import type { Actor } from '@repo/domain';
import type { OrderStep } from '../features/dispatch/order-steps.js';

interface StepScreenProps {
  readonly orderId: string;
  readonly step: OrderStep;
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly onBack: () => void;
  readonly onDone: () => void;
}

/** The screen of each store step after the accept, reached from the order's next-step button. */
export function StepScreen({ step }: StepScreenProps) {
  switch (step) {
    case 'pick':
    case 'handoff':
    case 'label':
    case 'return':
      return null;
  }
}
