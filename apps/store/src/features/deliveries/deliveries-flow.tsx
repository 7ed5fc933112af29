import type { Actor } from '@repo/domain';
import { useEffect, useState } from 'react';
import { CloseScreen } from '../close/close-screen.js';
import { DeliveredScreen } from '../close/delivered-screen.js';
import { FailScreen } from '../close/fail-screen.js';
import { DeliveriesScreen } from './deliveries-screen.js';

type Step = { name: 'list' } | { name: 'close'; orderId: string } | { name: 'delivered'; orderId: string } | { name: 'fail'; orderId: string };

/** The clerk's phone: the list, the close at the door, what was recorded, and a failed delivery. */
export function DeliveriesFlow({ actor }: { actor: Extract<Actor, { storeId: string }> }) {
  const [step, setStep] = useState<Step>({ name: 'list' });
  const toList = () => setStep({ name: 'list' });
  // Each step opens at its top, not where the last one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step]);
  switch (step.name) {
    case 'list':
      return <DeliveriesScreen actor={actor} onClose={(orderId) => setStep({ name: 'close', orderId })} onFail={(orderId) => setStep({ name: 'fail', orderId })} />;
    case 'close':
      return <CloseScreen orderId={step.orderId} actor={actor} onBack={toList} onDone={(orderId) => setStep({ name: 'delivered', orderId })} />;
    case 'delivered':
      return <DeliveredScreen orderId={step.orderId} actor={actor} onBack={toList} onCloseAgain={(orderId) => setStep({ name: 'close', orderId })} />;
    case 'fail':
      return <FailScreen orderId={step.orderId} actor={actor} onBack={toList} onDone={toList} />;
    default:
      return step satisfies never;
  }
}
