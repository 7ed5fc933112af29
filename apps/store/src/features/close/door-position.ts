import type { DoorPosition } from '@repo/domain';

/** How long the door waits for a fix, and how old a cached fix may be. */
export const positionTimeoutMs = 8_000;
export const positionMaxAgeMs = 60_000;

/**
 * Where the phone is, with its accuracy; or why it cannot say. Never rejects: a refused
 * permission, a time-out or a phone without GPS is recorded as such and the close goes on.
 */
export function readDoorPosition(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation): Promise<DoorPosition> {
  if (!geolocation) return Promise.resolve({ unavailable: 'unsupported' });
  return new Promise((resolve) => {
    try {
      geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.min(100_000, Math.round(p.coords.accuracy)) }),
        (error) => resolve({ unavailable: error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'error' }),
        { enableHighAccuracy: true, timeout: positionTimeoutMs, maximumAge: positionMaxAgeMs },
      );
    } catch {
      resolve({ unavailable: 'error' });
    }
  });
}
