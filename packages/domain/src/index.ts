export * from './actor.js';
export * from './rejections.js';
export * from './order/order.js';
export * from './order/order-event.js';
export * from './order/order-lifecycle.js';
export * from './barcode/gtin.js';
export * from './geo/distance.js';
export * from './order/order-inputs.js';
