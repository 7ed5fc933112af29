import { declineReasons, type Order, type OrderEvent } from '@repo/domain';
import { formatList } from '@repo/i18n';
import { useI18n } from '../../i18n/i18n.js';
import { formatPrice } from '../../shell/format-price.js';
import { isFailureReason } from '../proof/delivery-failure.js';

interface HistoryReasonsProps {
  readonly event: OrderEvent;
  readonly clerkName: string | null;
  readonly order: Order;
  readonly storeNames: ReadonlyMap<string, string>;
}

/** The "why" and "to whom" of one step: a reason, a note, the short quantities, the store or clerk it went to. */
export function HistoryReasons({ event, clerkName, order, storeNames }: HistoryReasonsProps) {
  const { t, locale } = useI18n();
  const lineName = (productId: string) => order.lines.find((l) => l.productId === productId)?.name ?? productId;
  const parts: string[] = [];
  switch (event.type) {
    case 'offer':
      parts.push(t('timeline.offeredTo', { store: storeNames.get(event.storeId) ?? event.storeId }));
      break;
    case 'decline':
      parts.push(t('timeline.reason', { reason: (declineReasons as readonly string[]).includes(event.reason) ? t(`decline.${event.reason}`) : event.reason }));
      break;
    case 'report_short': {
      const lines = event.available.map((a) => t('timeline.shortLine', {
        name: lineName(a.productId), available: a.quantity, ordered: order.lines.find((l) => l.productId === a.productId)?.quantity ?? '?',
      }));
      parts.push(t('timeline.short', { lines: formatList(lines, locale) }));
      break;
    }
    case 'resolve_short':
      parts.push(t(`timeline.resolution.${event.resolution}`));
      if (event.lines) parts.push(t('timeline.lines', { lines: formatList(event.lines.map((l) => `${l.name} × ${l.confirmedQuantity}`), locale) }));
      if (event.note) parts.push(event.resolution === 'partial' ? t('timeline.customerAnswer', { note: event.note }) : t('timeline.note', { note: event.note }));
      break;
    case 'hand_off':
    case 'retry_delivery':
      parts.push(t('timeline.handedTo', { clerk: clerkName ?? event.clerk.userId }));
      break;
    case 'deliver':
      if (event.collectedFen !== undefined) parts.push(t('timeline.collected', { amount: formatPrice(event.collectedFen, locale) }));
      break;
    case 'fail_delivery':
      parts.push(t('timeline.reason', { reason: isFailureReason(event.reason) ? t(`failure.${event.reason}`) : event.reason }));
      if (event.note) parts.push(t('timeline.note', { note: event.note }));
      break;
    case 'confirm_return':
      parts.push(t(`timeline.returnVia.${event.via}`));
      break;
    case 'cancel':
      parts.push(t('timeline.reason', { reason: event.reason }));
      break;
    case 'accept': case 'expire_offer': case 'start_pick': case 'finish_pick': case 'undo_deliver': case 'close':
      break;
    default:
      return exhaustive(event);
  }
  if (parts.length === 0) return null;
  return <p className="timeline-why">{parts.join(' · ')}</p>;
}

function exhaustive(value: never): null {
  void value;
  return null;
}
