import { expect, test } from 'vitest';
import { readDoorPosition } from './door-position.js';

/** The browser's geolocation is the edge: a stand-in answers the way Chromium would. */
function geolocationAnswering(answer: { coords: { latitude: number; longitude: number; accuracy: number } } | { code: number }): Geolocation {
  return {
    getCurrentPosition: (ok: PositionCallback, fail?: PositionErrorCallback | null, options?: PositionOptions) => {
      expect(options).toMatchObject({ timeout: 8_000, maximumAge: 60_000 });
      if ('coords' in answer) ok(answer as GeolocationPosition);
      else fail?.(answer as GeolocationPositionError);
    },
  } as Geolocation;
}

test('[DL6] a position is recorded with its accuracy in whole metres', async () => {
  const fix = { coords: { latitude: 31.19, longitude: 121.43, accuracy: 14.6 } };
  expect(await readDoorPosition(geolocationAnswering(fix))).toEqual({ lat: 31.19, lng: 121.43, accuracyM: 15 });
});

test('[DL6] a refusal, a time-out, another error or no geolocation at all is recorded, never thrown', async () => {
  expect(await readDoorPosition(geolocationAnswering({ code: 1 }))).toEqual({ unavailable: 'denied' });
  expect(await readDoorPosition(geolocationAnswering({ code: 3 }))).toEqual({ unavailable: 'timeout' });
  expect(await readDoorPosition(geolocationAnswering({ code: 2 }))).toEqual({ unavailable: 'error' });
  expect(await readDoorPosition({ getCurrentPosition: () => { throw new Error('insecure origin'); } } as unknown as Geolocation)).toEqual({ unavailable: 'error' });
  expect(await readDoorPosition(undefined)).toEqual({ unavailable: 'unsupported' });
});
