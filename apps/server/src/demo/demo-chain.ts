import { withCheckDigit } from '@repo/domain';
import { demoCategories, demoFamilies } from './demo-products.js';
import { givenNames, surnames } from './demo-people.js';
import { demoClosedStoreCodes, demoEstates, demoRadiusM, demoStores } from './demo-stores.js';

/** A deterministic pseudo-random source, so every demo database is the same chain. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

export function buildDemoStores() {
  return demoStores.map((s, i) => ({
    id: `store-${String(i + 1).padStart(2, '0')}`, phone: `021-6${String(4000000 + i * 1111).slice(0, 7)}`, ...s,
    deliveryRadiusM: demoRadiusM, open: !demoClosedStoreCodes.includes(s.code),
  }));
}

export interface DemoProduct {
  id: string; gtin: string; name: string; category: string; priceFen: number; minShelfLifeDays: number; caseGtin?: string; caseUnits?: number;
}

/** 300 products, round-robin over the families so every category is there. EAN-13s carry China's 69x prefix. */
export function buildDemoProducts(count = 300): DemoProduct[] {
  const queues = demoFamilies.map((family, f) =>
    family.brands.flatMap((brand, b) => family.items.flatMap((item, i) => family.sizes.map((size, s) => ({ family, f, brand, b, item, i, size, s })))),
  );
  const products: DemoProduct[] = [];
  for (let round = 0; products.length < count; round++) {
    for (const queue of queues) {
      const entry = queue[round];
      if (!entry || products.length >= count) continue;
      const company = String(2000 + entry.f * 37 + entry.b).padStart(4, '0');
      const item = String(entry.i * 10 + entry.s + 1).padStart(5, '0');
      const gtin = withCheckDigit(`690${company}${item}`);
      const product: DemoProduct = {
        id: `p-${String(products.length + 1).padStart(3, '0')}`,
        gtin,
        name: `${entry.brand} ${entry.item} ${entry.size}`,
        category: entry.family.category,
        priceFen: entry.family.basePriceFen * (entry.s + 1) + entry.i * 50,
        minShelfLifeDays: demoCategories[entry.family.category],
      };
      if (entry.family.caseUnits) {
        // ITF-14: indicator 1 + the EAN-13 without its check digit + a new check digit.
        product.caseGtin = withCheckDigit(`1${gtin.slice(0, 12)}`);
        product.caseUnits = entry.family.caseUnits;
      }
      products.push(product);
    }
  }
  return products;
}

export function personName(rand: () => number): string {
  return pick(rand, surnames) + pick(rand, givenNames);
}

export function mobilePhone(rand: () => number): string {
  return `1${pick(rand, ['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
}

/**
 * 200 customers, each at home on a road of a store's own district and within 1.5 km of it, so the
 * address, the district and the coordinates agree and every distance dispatch shows is true.
 * The first lives between 徐家汇店 and 打浦桥店: within reach of both, for the re-dispatch demo.
 * Every fourth also has an office near another store, every twelfth a parents' home too; some
 * have notes and a member level (drawn from a source of their own, so names and numbers stay).
 */
export function buildDemoCustomers(stores: ReturnType<typeof buildDemoStores>, count = 200, rand = seededRandom(7)) {
  const extra = seededRandom(11);
  return Array.from({ length: count }, (_, i) => {
    const store = stores[i % stores.length]!;
    const id = `c-${String(i + 1).padStart(3, '0')}`;
    // Drawn in the order the demo always drew them, so every demo customer keeps name, number and home.
    const homeParts = demoAddressParts(rand, store, i === 0 ? { lat: 31.2012, lng: 121.4521 } : null);
    const name = personName(rand);
    const phone = mobilePhone(rand);
    const home = demoAddressOf(homeParts, 10 + Math.floor(rand() * 990));
    const others = [
      ...(i % 4 === 0 ? [{ label: '公司', store: stores[(i + 5) % stores.length]! }] : []),
      ...(i % 12 === 0 ? [{ label: '父母家', store: stores[(i + 9) % stores.length]! }] : []),
    ];
    const addresses = [{ label: '家', ...home }, ...others.map((o) => ({ label: o.label, ...demoAddressOf(demoAddressParts(extra, o.store, null), 10 + Math.floor(extra() * 990)) }))]
      .map((a, n) => ({ id: `addr-${id}-${n + 1}`, customerId: id, ...a, howLocated: 'demo' as const }));
    const memberRoll = extra();
    const memberLevel = memberRoll < 0.4 ? null : memberRoll < 0.7 ? 'regular' as const : memberRoll < 0.85 ? 'silver' as const : memberRoll < 0.95 ? 'gold' as const : 'platinum' as const;
    const notes = i % 3 === 0 ? pick(extra, demoNotes) : '';
    return { id, name, phone, notes, memberLevel, addresses };
  });
}

type DemoStore = ReturnType<typeof buildDemoStores>[number];

/** An address on one of the store's roads, within about 1.4 km of it (at most 0.0095° each way). */
function demoAddressParts(rand: () => number, store: DemoStore, at: { lat: number; lng: number } | null) {
  const road = pick(rand, store.roads);
  const estate = `${pick(rand, ['锦绣', '阳光', '春江', '梅园', '华庭', '东方', '康乐', '福海'])}${pick(rand, demoEstates)}`;
  const building = 1 + Math.floor(rand() * 20);
  const flat = `${1 + Math.floor(rand() * 28)}0${1 + Math.floor(rand() * 4)}`;
  const position = at ?? { lat: store.lat + (rand() - 0.5) * 0.019, lng: store.lng + (rand() - 0.5) * 0.019 };
  return { store, road, estate, building, flat, position };
}

function demoAddressOf(parts: ReturnType<typeof demoAddressParts>, number: number) {
  const { store, road, estate, building, flat, position } = parts;
  return { text: `上海市${store.district}${road} ${number} 号 ${estate} ${building} 号楼 ${flat} 室`, district: store.district as string, ...position };
}

const demoNotes = [
  '请按门铃两次，家中老人行动较慢。', '只收现金，不用扫码。', '送到小区门卫即可，电话确认。', '工作日下午 2 点前家中无人。',
  '对花生过敏，勿送含花生的商品。', '上次反映牛奶临期，送前请看日期。', '楼道门禁密码问顾客，勿写在单上。', '常订整箱饮用水，请带推车。',
] as const;

/**
 * On-hand counts with the gaps a real chain has: every store carries the first 20 products (staples)
 * with at least 6 on the shelf; of the rest, bigger stores carry more, and about one in ten carried
 * lines is sold out. Products the demo orders use are stocked at the stores that hold those orders.
 */
export function buildDemoStock(stores: ReturnType<typeof buildDemoStores>, products: readonly DemoProduct[], ordered: ReadonlySet<string>, rand: () => number) {
  return stores.flatMap((s, si) => {
    const carries = si < 3 ? 0.95 : 0.7 + (si % 4) * 0.05;
    return products.map((p, pi) => {
      const staple = pi < 20 || (si < 3 && ordered.has(p.id));
      const quantity = staple ? 6 + Math.floor(rand() * 40) : rand() > carries ? 0 : rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 40);
      return { storeId: s.id, productId: p.id, quantity };
    });
  });
}
