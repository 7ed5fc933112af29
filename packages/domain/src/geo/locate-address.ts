import { distanceKm, type LatLng } from './distance.js';
import { districtRoads, districtSeats, shanghaiDistricts, type ShanghaiDistrict } from './shanghai-gazetteer.js';

/**
 * How an address's coordinates were found, from the most to the least exact:
 * a pasted map link, a typed or dropped pin, the street within its district, the district alone;
 * 'demo' marks the demo chain's made-up points.
 */
export const howLocatedValues = ['map_link', 'pin', 'street', 'district', 'demo'] as const;
export type HowLocated = (typeof howLocatedValues)[number];

export interface LocatedPoint extends LatLng {
  readonly howLocated: HowLocated;
  /** About how far the real door may be from the point, in metres (for the agent, not for dispatch). */
  readonly precisionM: number;
  /** The road the point was found by, when it was. */
  readonly street?: string;
}

/** Roughly how far a road's or a district's point may be from a door on it. */
export const streetPrecisionM = 1000;
export const districtPrecisionM = 5000;

/**
 * Finds a point for an address from its district and its text (street, number, building), with no
 * map service: the longest road of the district named in the text ("中山西路" before "中山路"), or
 * else the district's seat. Returns null when the district is not one of Shanghai's.
 */
export function locateAddress(district: string, text: string): LocatedPoint | null {
  const known = toDistrict(district);
  if (!known) return null;
  const street = findRoad(known, text);
  if (street) {
    const [lat, lng] = districtRoads[known][street]!;
    return { lat, lng, howLocated: 'street', precisionM: streetPrecisionM, street };
  }
  const seat = districtSeats[known];
  return { ...seat, howLocated: 'district', precisionM: districtPrecisionM };
}

/** "徐汇区", "徐汇" and "上海市徐汇区" all name 徐汇区; "浦东" is 浦东新区. */
export function toDistrict(text: string): ShanghaiDistrict | null {
  const name = text.trim().replace(/^上海市?/, '');
  if (name === '') return null;
  return shanghaiDistricts.find((d) => d === name || d.replace(/新?区$/, '') === name) ?? null;
}

/**
 * The district named in full at the start of an address text ("上海市徐汇区天钥桥路…"), if any.
 * Only the full name counts: "长宁路" is a road, not 长宁区.
 */
export function districtInText(text: string): ShanghaiDistrict | null {
  const rest = text.trim().replace(/^上海市?/, '');
  return shanghaiDistricts.find((d) => rest.startsWith(d)) ?? null;
}

function findRoad(district: ShanghaiDistrict, text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  const roads = Object.keys(districtRoads[district]).filter((road) => compact.includes(road));
  return roads.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * Where the chain delivers: Shanghai's outline rounded out to a box (GCJ-02). A point outside it is
 * a wrong link or a slip of the finger, never a customer to dispatch to.
 */
export const serviceArea = { south: 30.66, north: 31.88, west: 120.85, east: 122.2 } as const;

export function isInServiceArea({ lat, lng }: LatLng): boolean {
  return lat >= serviceArea.south && lat <= serviceArea.north && lng >= serviceArea.west && lng <= serviceArea.east;
}

/**
 * The district of the nearest gazetteer point (a road or a seat): a check that a pasted point is
 * where the agent thinks it is. A hint, not a boundary test.
 */
export function nearestDistrict(point: LatLng): { district: ShanghaiDistrict; km: number } {
  let best = { district: shanghaiDistricts[0] as ShanghaiDistrict, km: Number.POSITIVE_INFINITY };
  for (const district of shanghaiDistricts) {
    const points = [districtSeats[district], ...Object.values(districtRoads[district]).map(([lat, lng]) => ({ lat, lng }))];
    for (const p of points) {
      const km = distanceKm(point, p);
      if (km < best.km) best = { district, km };
    }
  }
  return best;
}
