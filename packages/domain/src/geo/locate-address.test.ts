import { describe, expect, test } from 'vitest';
import { addressPoint, fullAddressText } from '../customer/address-point.js';
import { distanceKm } from './distance.js';
import { districtInText, isInServiceArea, locateAddress, nearestDistrict, toDistrict } from './locate-address.js';
import { districtRoads, districtSeats, shanghaiDistricts } from './shanghai-gazetteer.js';

describe('[GEO4] the gazetteer', () => {
  test('has all 16 districts, each seat and road inside the service area', () => {
    expect(shanghaiDistricts).toHaveLength(16);
    for (const district of shanghaiDistricts) {
      expect(isInServiceArea(districtSeats[district]), district).toBe(true);
      const roads = Object.entries(districtRoads[district]);
      expect(roads.length, district).toBeGreaterThanOrEqual(4);
      for (const [road, [lat, lng]] of roads) {
        expect(isInServiceArea({ lat, lng }), `${district}${road}`).toBe(true);
      }
    }
  });

  test('every road lies near its district: within 25 km of the seat (Pudong and Minhang are large)', () => {
    for (const district of shanghaiDistricts) {
      for (const [road, [lat, lng]] of Object.entries(districtRoads[district])) {
        expect(distanceKm(districtSeats[district], { lat, lng }), `${district}${road}`).toBeLessThan(25);
      }
    }
  });
});

describe('[GEO5] locating by district and street', () => {
  test('a road named in the text is found within its district', () => {
    const p = locateAddress('徐汇区', '天钥桥路 100 号 2 号楼 301 室');
    expect(p).toMatchObject({ howLocated: 'street', street: '天钥桥路', precisionM: 1000 });
    // 天钥桥路 runs south from 徐家汇: within 2 km of the store there.
    expect(distanceKm(p!, { lat: 31.1955, lng: 121.4365 })).toBeLessThan(2);
  });

  test('the same road name in two districts goes to the part in the district given', () => {
    const jingan = locateAddress('静安区', '长寿路 500 号')!;
    const putuo = locateAddress('普陀区', '长寿路 500 号')!;
    expect(jingan.street).toBe('长寿路');
    expect(putuo.street).toBe('长寿路');
    expect(distanceKm(jingan, putuo)).toBeGreaterThan(0.5);
  });

  test('the longest road name wins ("中山西路" is not "中山路")', () => {
    expect(locateAddress('长宁区', '中山西路 1000 号')?.street).toBe('中山西路');
  });

  test('an unknown road falls back to the district seat, saying so', () => {
    expect(locateAddress('嘉定区', '某某小路 5 号')).toEqual({ ...districtSeats['嘉定区'], howLocated: 'district', precisionM: 5000 });
  });

  test('district names with or without 区, 上海市 or 新', () => {
    expect(toDistrict('徐汇')).toBe('徐汇区');
    expect(toDistrict('上海市浦东新区')).toBe('浦东新区');
    expect(toDistrict('浦东')).toBe('浦东新区');
    expect(toDistrict('海淀区')).toBeNull();
    expect(toDistrict('')).toBeNull();
    expect(locateAddress('海淀区', '中关村大街 1 号')).toBeNull();
    expect(districtInText('上海市徐汇区天钥桥路')).toBe('徐汇区');
    expect(districtInText('天钥桥路')).toBeNull();
    // A road named after a district is not that district.
    expect(districtInText('长宁路 1018 号')).toBeNull();
  });

  test('nearestDistrict names the district of a point', () => {
    expect(nearestDistrict({ lat: 31.1955, lng: 121.4365 }).district).toBe('徐汇区');
    expect(nearestDistrict({ lat: 31.3, lng: 121.514 }).district).toBe('杨浦区');
  });
});

describe('[GEO6] the point of a new address', () => {
  test('a map link wins over the street and is marked map_link; typed numbers are a pin', () => {
    const link = addressPoint({ district: '徐汇区', detail: '天钥桥路 100 号', mapLink: 'https://uri.amap.com/marker?position=121.44,31.18' });
    expect(link).toEqual({ ok: true, point: { lat: 31.18, lng: 121.44, howLocated: 'map_link', precisionM: 30 } });
    const pin = addressPoint({ district: '徐汇区', detail: '天钥桥路 100 号', mapLink: '31.18,121.44' });
    expect(pin.ok && pin.point.howLocated).toBe('pin');
  });

  test('without a link, the street; an empty link counts as none', () => {
    const point = addressPoint({ district: '黄浦区', detail: '福州路 300 号', mapLink: '  ' });
    expect(point.ok && point.point.howLocated).toBe('street');
  });

  test('[GEO7] a point outside the service area is refused on the mapLink field', () => {
    expect(addressPoint({ district: '徐汇区', detail: '天钥桥路 1 号', mapLink: '39.915,116.404' })).toMatchObject({
      ok: false, field: 'mapLink', problem: 'OUTSIDE_SERVICE_AREA',
    });
    expect(addressPoint({ district: '徐汇区', detail: '天钥桥路 1 号', mapLink: 'https://surl.amap.com/x' })).toMatchObject({
      ok: false, field: 'mapLink', problem: 'SHORT_LINK',
    });
  });

  test('the full text adds city and district unless the agent typed them', () => {
    expect(fullAddressText('徐汇区', '天钥桥路 100 号')).toBe('上海市徐汇区天钥桥路 100 号');
    expect(fullAddressText('徐汇区', '徐汇区天钥桥路 100 号')).toBe('上海市徐汇区天钥桥路 100 号');
    expect(fullAddressText('徐汇区', '上海市徐汇区天钥桥路 100 号')).toBe('上海市徐汇区天钥桥路 100 号');
    expect(fullAddressText('长宁区', '长宁路 1018 号')).toBe('上海市长宁区长宁路 1018 号');
  });
});
