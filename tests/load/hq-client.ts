/** Head office over the real HTTP API (tRPC wire format), for load programs. */
export interface CreatedOrder {
  readonly id: string;
  readonly number: string;
}

const demoCustomers = 200;

export class HqClient {
  private constructor(private readonly baseUrl: string, private readonly token: string) {}

  static async signIn(baseUrl: string, username = 'hq', password = 'demo1234'): Promise<HqClient> {
    const [session] = await batchCall<{ token: string }>({ baseUrl, token: null, path: 'auth.login', inputs: [{ username, password }] });
    if (!session) throw new Error('no session');
    return new HqClient(baseUrl, session.token);
  }

  /**
   * Takes `count` orders for the demo customers and offers each to `storeId`, `chunk` per tRPC
   * batch request. Creating and dispatching are separate calls, as the console makes them.
   */
  async dispatchNewOrders(options: { storeId: string; count: number; chunk?: number; firstCustomer?: number }): Promise<CreatedOrder[]> {
    const chunk = options.chunk ?? 50;
    const orders: CreatedOrder[] = [];
    for (let start = 0; start < options.count; start += chunk) {
      const size = Math.min(chunk, options.count - start);
      const inputs = Array.from({ length: size }, (_, i) => ({ customerId: customerId((options.firstCustomer ?? 0) + start + i), lines: [{ productId: 'p-001', quantity: 1 }] }));
      const created = await this.batch<CreatedOrder>('orders.create', inputs);
      await this.batch('orders.dispatch', created.map((o) => ({ orderId: o.id, storeId: options.storeId })));
      orders.push(...created.map(({ id, number }) => ({ id, number })));
    }
    return orders;
  }

  async createOrder(customerIndex = 0): Promise<CreatedOrder> {
    const [order] = await this.batch<CreatedOrder>('orders.create', [{ customerId: customerId(customerIndex), lines: [{ productId: 'p-001', quantity: 1 }] }]);
    if (!order) throw new Error('orders.create answered nothing');
    return { id: order.id, number: order.number };
  }

  async dispatch(orderId: string, storeId: string): Promise<void> {
    await this.batch('orders.dispatch', [{ orderId, storeId }]);
  }

  /** Server-side status of each order, 50 per batch request (GET: the inputs travel in the URL). */
  async statuses(orderIds: readonly string[]): Promise<string[]> {
    const statuses: string[] = [];
    for (let start = 0; start < orderIds.length; start += 50) {
      const inputs = orderIds.slice(start, start + 50).map((orderId) => ({ orderId }));
      const details = await batchCall<{ order: { status: string } }>({ baseUrl: this.baseUrl, token: this.token, path: 'orders.get', inputs, method: 'GET' });
      statuses.push(...details.map((d) => d.order.status));
    }
    return statuses;
  }

  private batch<T>(path: string, inputs: readonly unknown[]): Promise<T[]> {
    return batchCall<T>({ baseUrl: this.baseUrl, token: this.token, path, inputs });
  }
}

function customerId(index: number): string {
  return `c-${String((index % demoCustomers) + 1).padStart(3, '0')}`;
}

/** One tRPC batch request (`/trpc/a,a,a?batch=1`); throws on the first failed call. */
async function batchCall<T>(options: { baseUrl: string; token: string | null; path: string; inputs: readonly unknown[]; method?: 'GET' | 'POST' }): Promise<T[]> {
  const { baseUrl, token, path, inputs } = options;
  const body = JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input])));
  const url = `${baseUrl}/trpc/${inputs.map(() => path).join(',')}?batch=1`;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = options.method === 'GET'
    ? await fetch(`${url}&input=${encodeURIComponent(body)}`, { headers })
    : await fetch(url, { method: 'POST', headers, body });
  const results = (await response.json()) as { result?: { data: T }; error?: unknown }[];
  return results.map((r) => {
    if (!r.result) throw new Error(`${path} failed: ${JSON.stringify(r.error)}`);
    return r.result.data;
  });
}
