import { bd09ToGcj02, wgs84ToGcj02 } from './datum.js';
import type { LatLng } from './distance.js';

/** The map a link came from, or 'typed' for coordinates typed or pasted as numbers. */
export type MapLinkSource = 'amap' | 'baidu' | 'tencent' | 'google' | 'typed';

/** Why a pasted link gave no point; the console words each, the server names the field. */
export const mapLinkProblems = ['NOT_A_MAP_LINK', 'SHORT_LINK', 'NO_COORDINATES', 'BAIDU_MERCATOR'] as const;
export type MapLinkProblem = (typeof mapLinkProblems)[number];

export type MapLinkResult =
  | { readonly ok: true; readonly point: LatLng; readonly source: MapLinkSource }
  | { readonly ok: false; readonly problem: MapLinkProblem };

export const mapLinkProblemMessages: Readonly<Record<MapLinkProblem, string>> = {
  NOT_A_MAP_LINK: 'Not a map link or coordinates: paste an Amap, Baidu, Tencent or Google Maps link, or "lat,lng".',
  SHORT_LINK: 'A short link cannot be read offline: open it and copy the full link, or type the coordinates.',
  NO_COORDINATES: 'The link names a place but no coordinates: share the location as a pin, or type the coordinates.',
  BAIDU_MERCATOR: 'This Baidu link holds map-tile coordinates: use Baidu\'s "share location" link, or type the coordinates.',
};

/**
 * Reads a point from a pasted map link or typed coordinates and returns it in GCJ-02. Amap and
 * Tencent already use GCJ-02; Baidu's BD-09 and Google's WGS-84 are converted. Pure: short links
 * (which need a request to expand) are refused with a reason, never fetched.
 */
export function parseMapLink(pasted: string): MapLinkResult {
  const text = pasted.trim();
  const typed = typedCoordinates(text);
  if (typed) return { ok: true, point: typed, source: 'typed' };
  const url = findUrl(text);
  if (!url) return { ok: false, problem: 'NOT_A_MAP_LINK' };
  const host = url.hostname.toLowerCase();
  if (/(^|\.)(surl\.amap\.com|j\.map\.baidu\.com|dwz\.cn|goo\.gl|maps\.app\.goo\.gl|url\.cn)$/.test(host)) return { ok: false, problem: 'SHORT_LINK' };
  if (/(^|\.)amap\.com$|(^|\.)autonavi\.com$/.test(host)) return fromGcj(amapPoint(url), 'amap');
  if (/(^|\.)map\.baidu\.com$|(^|\.)baidu\.com$/.test(host)) return baiduPoint(url);
  if (/(^|\.)map\.qq\.com$|(^|\.)qq\.com$/.test(host)) return fromGcj(tencentPoint(url), 'tencent');
  if (/(^|\.)google\.[a-z.]+$/.test(host) && (url.pathname.startsWith('/maps') || host.startsWith('maps.'))) return googlePoint(url);
  return { ok: false, problem: 'NOT_A_MAP_LINK' };
}

/** "31.1955,121.4365", "31.1955 121.4365", "121.4365,31.1955" (Amap's order): told apart by range in China. */
function typedCoordinates(text: string): LatLng | null {
  const match = /^(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return Math.abs(a) > 90 && Math.abs(b) <= 90 ? point(b, a) : point(a, b);
}

function findUrl(text: string): URL | null {
  const raw = /https?:\/\/[^\s"'<>，。]+/i.exec(text)?.[0] ?? (/^[\w.-]+\.(com|cn)\//i.test(text) ? `https://${text.split(/\s/)[0]}` : null);
  if (!raw) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** uri.amap.com/marker?position=lng,lat · amap.com/?q=lat,lng,name · ?p=id,lat,lng · ?lnglat= · ?lat=&lng= */
function amapPoint(url: URL): LatLng | null {
  const q = url.searchParams;
  return pair(q.get('position'), 'lng,lat') ?? pair(q.get('lnglat'), 'lng,lat') ?? pair(q.get('q'), 'lat,lng')
    ?? pair(q.get('p')?.split(',').slice(1, 3).join(','), 'lat,lng') ?? separate(q.get('lat'), q.get('lng') ?? q.get('lon'));
}

/** apis.map.qq.com/uri/v1/marker?marker=coord:lat,lng;title:… · map.qq.com/?pointx=lng&pointy=lat */
function tencentPoint(url: URL): LatLng | null {
  const q = url.searchParams;
  const coord = /coord:([^;]+)/.exec(q.get('marker') ?? '')?.[1];
  return pair(coord, 'lat,lng') ?? separate(q.get('pointy'), q.get('pointx')) ?? pair(q.get('center'), 'lat,lng') ?? pair(q.get('tocoord'), 'lat,lng');
}

/** api.map.baidu.com/marker?location=lat,lng&coord_type=… · map.baidu.com/?latlng=lat,lng; BD-09 unless coord_type says otherwise. */
function baiduPoint(url: URL): MapLinkResult {
  const q = url.searchParams;
  const found = pair(q.get('location'), 'lat,lng') ?? pair(q.get('latlng'), 'lat,lng') ?? separate(q.get('lat'), q.get('lng'));
  if (!found) return { ok: false, problem: /\/@\d{6,}/.test(url.pathname) ? 'BAIDU_MERCATOR' : 'NO_COORDINATES' };
  const datum = (q.get('coord_type') ?? 'bd09ll').toLowerCase();
  const gcj = datum === 'gcj02' ? found : datum === 'wgs84' ? wgs84ToGcj02(found) : bd09ToGcj02(found);
  return { ok: true, point: gcj, source: 'baidu' };
}

/** google.com/maps/place/…/@lat,lng,17z/data=…!3dLAT!4dLNG · ?q=lat,lng · ?ll=lat,lng: WGS-84. */
function googlePoint(url: URL): MapLinkResult {
  const path = decodeURIComponent(url.pathname);
  const place = /!3d(-?\d+(?:\.\d+)?)!4d(-?\d+(?:\.\d+)?)/.exec(path);
  const view = /@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(path);
  const q = url.searchParams;
  const found = (place ? point(Number(place[1]), Number(place[2])) : null) ?? (view ? point(Number(view[1]), Number(view[2])) : null)
    ?? pair(q.get('q'), 'lat,lng') ?? pair(q.get('query'), 'lat,lng') ?? pair(q.get('ll'), 'lat,lng');
  return found ? { ok: true, point: wgs84ToGcj02(found), source: 'google' } : { ok: false, problem: 'NO_COORDINATES' };
}

function fromGcj(found: LatLng | null, source: MapLinkSource): MapLinkResult {
  return found ? { ok: true, point: found, source } : { ok: false, problem: 'NO_COORDINATES' };
}

function pair(value: string | null | undefined, order: 'lat,lng' | 'lng,lat'): LatLng | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)/.exec(value ?? '');
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return order === 'lat,lng' ? point(a, b) : point(b, a);
}

function separate(lat: string | null, lng: string | null): LatLng | null {
  return lat && lng && /^-?\d+(\.\d+)?$/.test(lat) && /^-?\d+(\.\d+)?$/.test(lng) ? point(Number(lat), Number(lng)) : null;
}

function point(lat: number, lng: number): LatLng | null {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}
