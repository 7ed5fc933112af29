import { expect, test } from 'vitest';
import { distanceKm } from './distance.js';

test('[GEO1] People\'s Square to Xujiahui is about 5.6 km', () => {
  const km = distanceKm({ lat: 31.2304, lng: 121.4737 }, { lat: 31.1955, lng: 121.4365 });
  expect(km).toBeGreaterThan(5.0);
  expect(km).toBeLessThan(5.6);
});

test('[GEO1] distance is symmetric and zero to itself', () => {
  const a = { lat: 31.2, lng: 121.4 };
  const b = { lat: 31.3, lng: 121.5 };
  expect(distanceKm(a, a)).toBe(0);
  expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
});
