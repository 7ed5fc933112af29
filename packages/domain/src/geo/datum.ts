import type { LatLng } from './distance.js';

/**
 * Map datums in China. The chain keeps every coordinate in GCJ-02, the datum of Amap, Tencent and
 * the demo stores. GPS and Google give WGS-84; Baidu adds its own offset on top of GCJ-02 (BD-09).
 * The formulas are the published ones every Chinese map SDK reimplements; they are accurate to a
 * few metres inside China, which is all a delivery address needs.
 */

const krasovskySemiMajor = 6378245.0;
const krasovskyEccentricity2 = 0.00669342162296594323;
const baiduXPi = (Math.PI * 3000.0) / 180.0;

/** WGS-84 (GPS, Google) to GCJ-02. Outside China the offset does not apply and the point is returned as is. */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (!inChina(point)) return point;
  const { dLat, dLng } = gcjOffset(point);
  return { lat: point.lat + dLat, lng: point.lng + dLng };
}

/** GCJ-02 back to WGS-84, by one fixed-point step (error well under a metre). */
export function gcj02ToWgs84(point: LatLng): LatLng {
  if (!inChina(point)) return point;
  const { dLat, dLng } = gcjOffset(point);
  return { lat: point.lat - dLat, lng: point.lng - dLng };
}

/** Baidu's BD-09 to GCJ-02. */
export function bd09ToGcj02(point: LatLng): LatLng {
  const x = point.lng - 0.0065;
  const y = point.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * baiduXPi);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * baiduXPi);
  return { lat: z * Math.sin(theta), lng: z * Math.cos(theta) };
}

/** GCJ-02 to Baidu's BD-09 (for tests and for links the console might one day open in Baidu). */
export function gcj02ToBd09(point: LatLng): LatLng {
  const z = Math.sqrt(point.lng * point.lng + point.lat * point.lat) + 0.00002 * Math.sin(point.lat * baiduXPi);
  const theta = Math.atan2(point.lat, point.lng) + 0.000003 * Math.cos(point.lng * baiduXPi);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

function inChina({ lat, lng }: LatLng): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function gcjOffset({ lat, lng }: LatLng): { dLat: number; dLng: number } {
  const x = lng - 105.0;
  const y = lat - 35.0;
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - krasovskyEccentricity2 * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(x, y) * 180.0) / (((krasovskySemiMajor * (1 - krasovskyEccentricity2)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(x, y) * 180.0) / ((krasovskySemiMajor / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { dLat, dLng };
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}
