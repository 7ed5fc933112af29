import type { DoorPosition } from '@repo/domain';
import { useCallback, useEffect, useState } from 'react';
import { readDoorPosition } from './door-position.js';

export type DoorPositionState = { readonly finding: true } | ({ readonly finding: false } & { readonly position: DoorPosition });

/** Starts looking for the position as the close screen opens, so it is usually ready by the tap. */
export function useDoorPosition(): { state: DoorPositionState; retry: () => void } {
  const [state, setState] = useState<DoorPositionState>({ finding: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ finding: true });
    void readDoorPosition().then((position) => live && setState({ finding: false, position }));
    return () => { live = false; };
  }, [round]);
  const retry = useCallback(() => setRound((n) => n + 1), []);
  return { state, retry };
}
