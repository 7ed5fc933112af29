import { describe, expect, test } from 'vitest';
import { bd09ToGcj02, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from './datum.js';
import { distanceKm } from './distance.js';
import { parseMapLink, type MapLinkResult } from './map-link.js';

/** 徐家汇店 as Amap shows it (GCJ-02). */
const xujiahui = { lat: 31.1955, lng: 121.4365 };
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => distanceKm(a, b) * 1000;
const pointOf = (result: MapLinkResult) => {
  if (!result.ok) throw new Error(`expected a point, got ${result.problem}`);
  return result.point;
};

describe('[GEO1] datum conversions match the published reference values', () => {
  // The reference pair every coordtransform port tests with: (116.404, 39.915).
  const beijing = { lat: 39.915, lng: 116.404 };
  test('BD-09 -> GCJ-02', () => {
    const p = bd09ToGcj02(beijing);
    expect(p.lng).toBeCloseTo(116.39762729119315, 10);
    expect(p.lat).toBeCloseTo(39.90865673957631, 10);
  });
  test('GCJ-02 -> BD-09', () => {
    const p = gcj02ToBd09(beijing);
    expect(p.lng).toBeCloseTo(116.41036949371029, 10);
    expect(p.lat).toBeCloseTo(39.92133699351021, 10);
  });
  test('WGS-84 -> GCJ-02', () => {
    const p = wgs84ToGcj02(beijing);
    expect(p.lng).toBeCloseTo(116.41024449916938, 10);
    expect(p.lat).toBeCloseTo(39.91640428150164, 10);
  });
  test('GCJ-02 -> WGS-84 is the inverse within a few metres, and the offset in Shanghai is 400-600 m', () => {
    expect(metres(wgs84ToGcj02(gcj02ToWgs84(xujiahui)), xujiahui)).toBeLessThan(5);
    expect(metres(bd09ToGcj02(gcj02ToBd09(xujiahui)), xujiahui)).toBeLessThan(2);
    expect(metres(gcj02ToWgs84(xujiahui), xujiahui)).toBeGreaterThan(400);
    expect(metres(gcj02ToWgs84(xujiahui), xujiahui)).toBeLessThan(700);
  });
  test('outside China WGS-84 and GCJ-02 are the same', () => {
    expect(wgs84ToGcj02({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lng: -0.12 });
  });
});

describe('[GEO2] map links give GCJ-02 points', () => {
  test('Amap marker (position=lng,lat) and search (q=lat,lng) are GCJ-02 already', () => {
    expect(parseMapLink('https://uri.amap.com/marker?position=121.4365,31.1955&name=徐家汇店')).toEqual({ ok: true, point: xujiahui, source: 'amap' });
    expect(pointOf(parseMapLink('https://www.amap.com/?q=31.1955,121.4365,徐家汇店'))).toEqual(xujiahui);
    expect(pointOf(parseMapLink('https://ditu.amap.com/?lnglat=121.4365,31.1955'))).toEqual(xujiahui);
    expect(pointOf(parseMapLink('https://ditu.amap.com/regeo?lat=31.1955&lng=121.4365'))).toEqual(xujiahui);
  });

  test('an Amap share text with words around the link', () => {
    const shared = '【高德地图】徐家汇店 上海市徐汇区漕溪北路88号 https://uri.amap.com/marker?position=121.4365,31.1955&name=%E5%BE%90 复制打开';
    expect(pointOf(parseMapLink(shared))).toEqual(xujiahui);
  });

  test('Baidu (BD-09) is converted: the point lands within 2 m of the GCJ-02 original', () => {
    const bd = gcj02ToBd09(xujiahui);
    const link = `https://api.map.baidu.com/marker?location=${bd.lat},${bd.lng}&title=徐家汇店&content=x&output=html`;
    const result = parseMapLink(link);
    expect(result.ok && result.source).toBe('baidu');
    expect(metres(pointOf(result), xujiahui)).toBeLessThan(2);
    // Without the conversion it would be about a kilometre off.
    expect(metres(bd, xujiahui)).toBeGreaterThan(500);
    expect(metres(pointOf(parseMapLink(`https://map.baidu.com/?latlng=${bd.lat},${bd.lng}&title=x`)), xujiahui)).toBeLessThan(2);
  });

  test('Baidu links that say their datum are read in it', () => {
    expect(pointOf(parseMapLink('https://api.map.baidu.com/marker?location=31.1955,121.4365&coord_type=gcj02&title=x'))).toEqual(xujiahui);
    const wgs = gcj02ToWgs84(xujiahui);
    expect(metres(pointOf(parseMapLink(`https://api.map.baidu.com/marker?location=${wgs.lat},${wgs.lng}&coord_type=wgs84`)), xujiahui)).toBeLessThan(5);
  });

  test('Tencent (coord:lat,lng and pointx/pointy) is GCJ-02 already', () => {
    expect(parseMapLink('https://apis.map.qq.com/uri/v1/marker?marker=coord:31.1955,121.4365;title:徐家汇店;addr:漕溪北路&referer=hq'))
      .toEqual({ ok: true, point: xujiahui, source: 'tencent' });
    expect(pointOf(parseMapLink('https://map.qq.com/?type=marker&pointx=121.4365&pointy=31.1955&name=x'))).toEqual(xujiahui);
  });

  test('Google (@lat,lng, !3d!4d, q=) is WGS-84 and converted', () => {
    const wgs = gcj02ToWgs84(xujiahui);
    for (const link of [
      `https://www.google.com/maps/@${wgs.lat},${wgs.lng},17z`,
      `https://www.google.com/maps/place/Xujiahui/@31.19,121.43,15z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d${wgs.lat}!4d${wgs.lng}`,
      `https://maps.google.com/?q=${wgs.lat},${wgs.lng}`,
      `https://www.google.com/maps/search/?api=1&query=${wgs.lat},${wgs.lng}`,
    ]) {
      const result = parseMapLink(link);
      expect(result.ok && result.source, link).toBe('google');
      expect(metres(pointOf(result), xujiahui), link).toBeLessThan(5);
    }
  });

  test('typed coordinates in either order, with a Chinese comma or a space', () => {
    for (const typed of ['31.1955,121.4365', '31.1955, 121.4365', '31.1955，121.4365', '31.1955 121.4365', '121.4365,31.1955']) {
      expect(parseMapLink(typed), typed).toEqual({ ok: true, point: xujiahui, source: 'typed' });
    }
  });
});

describe('[GEO3] garbage gives a reason, never a point', () => {
  test.each([
    ['', 'NOT_A_MAP_LINK'],
    ['天钥桥路 100 号', 'NOT_A_MAP_LINK'],
    ['https://example.com/?position=121.4365,31.1955', 'NOT_A_MAP_LINK'],
    ['javascript:alert(1)', 'NOT_A_MAP_LINK'],
    ['999,999', 'NOT_A_MAP_LINK'],
    ['31.19', 'NOT_A_MAP_LINK'],
    ['https://surl.amap.com/3kXa9bC', 'SHORT_LINK'],
    ['https://maps.app.goo.gl/abcdEF', 'SHORT_LINK'],
    ['https://www.amap.com/place/B00155L3B8', 'NO_COORDINATES'],
    ['https://uri.amap.com/marker?position=abc,def', 'NO_COORDINATES'],
    ['https://uri.amap.com/marker?position=121.4,95.0', 'NO_COORDINATES'],
    ['https://map.baidu.com/@13522890.92,3642187.73,19z', 'BAIDU_MERCATOR'],
    ['https://map.baidu.com/search/徐家汇', 'NO_COORDINATES'],
    ['https://www.google.com/maps/place/Xujiahui', 'NO_COORDINATES'],
    [`https://uri.amap.com/marker?position=${'9'.repeat(5000)}`, 'NO_COORDINATES'],
  ])('%s -> %s', (pasted, problem) => {
    expect(parseMapLink(pasted)).toEqual({ ok: false, problem });
  });

  test('a huge paste is read in linear time', () => {
    const started = performance.now();
    expect(parseMapLink(`${'a,'.repeat(200_000)}`).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
