/**
 * Fourteen stores of a Shanghai chain, at real street corners, each with roads of its own district
 * within its 3 km delivery radius: customers live on those roads, so every distance is true.
 */
export const demoStores = [
  { code: 'SH001', name: '徐家汇店', address: '上海市徐汇区漕溪北路 88 号', lat: 31.1955, lng: 121.4365, district: '徐汇区', roads: ['天钥桥路', '宜山路', '虹桥路', '中山西路'] },
  { code: 'SH002', name: '人民广场店', address: '上海市黄浦区西藏中路 268 号', lat: 31.232, lng: 121.475, district: '黄浦区', roads: ['福州路', '南京东路', '延安东路', '北京东路'] },
  { code: 'SH003', name: '静安寺店', address: '上海市静安区南京西路 1618 号', lat: 31.2236, lng: 121.4453, district: '静安区', roads: ['延安中路', '北京西路', '愚园路', '常德路'] },
  { code: 'SH004', name: '陆家嘴店', address: '上海市浦东新区陆家嘴环路 1000 号', lat: 31.2397, lng: 121.4998, district: '浦东新区', roads: ['东方路', '浦东南路', '商城路', '银城中路'] },
  { code: 'SH005', name: '五角场店', address: '上海市杨浦区淞沪路 8 号', lat: 31.3, lng: 121.514, district: '杨浦区', roads: ['国定路', '政立路', '邯郸路', '黄兴路'] },
  { code: 'SH006', name: '中山公园店', address: '上海市长宁区长宁路 1018 号', lat: 31.2196, lng: 121.417, district: '长宁区', roads: ['安顺路', '定西路', '凯旋路', '江苏路'] },
  { code: 'SH007', name: '虹桥店', address: '上海市闵行区申长路 688 号', lat: 31.194, lng: 121.32, district: '闵行区', roads: ['申滨路', '华翔路', '甬虹路', '申虹路'] },
  { code: 'SH008', name: '七宝店', address: '上海市闵行区漕宝路 3366 号', lat: 31.156, lng: 121.35, district: '闵行区', roads: ['七莘路', '新镇路', '吴宝路', '富强街'] },
  { code: 'SH009', name: '张江店', address: '上海市浦东新区张江路 368 号', lat: 31.203, lng: 121.59, district: '浦东新区', roads: ['碧波路', '祖冲之路', '郭守敬路', '科苑路'] },
  { code: 'SH010', name: '世纪公园店', address: '上海市浦东新区锦绣路 1001 号', lat: 31.215, lng: 121.545, district: '浦东新区', roads: ['芳甸路', '花木路', '梅花路', '樱花路'] },
  { code: 'SH011', name: '大宁店', address: '上海市静安区共和新路 1878 号', lat: 31.28, lng: 121.458, district: '静安区', roads: ['广中路', '大宁路', '延长路', '灵石路'] },
  { code: 'SH012', name: '莘庄店', address: '上海市闵行区沪闵路 6088 号', lat: 31.111, lng: 121.385, district: '闵行区', roads: ['莘松路', '莘建路', '春申路', '莘朱路'] },
  { code: 'SH013', name: '打浦桥店', address: '上海市黄浦区徐家汇路 618 号', lat: 31.207, lng: 121.469, district: '黄浦区', roads: ['丽园路', '瑞金南路', '建国中路', '蒙自路'] },
  { code: 'SH014', name: '曹家渡店', address: '上海市静安区万航渡路 1000 号', lat: 31.228, lng: 121.43, district: '静安区', roads: ['长寿路', '康定路', '余姚路', '胶州路'] },
] as const;

/** Delivery radius of every demo store, in metres. */
export const demoRadiusM = 3000;

/** Closed for renovation: the demo shows a near store left out of dispatch, and why. */
export const demoClosedStoreCodes: readonly string[] = ['SH014'];

export const demoEstates = ['花园', '新村', '公寓', '小区', '苑', '家园', '大厦', '名邸'] as const;
