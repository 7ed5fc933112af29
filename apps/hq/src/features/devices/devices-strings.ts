import type { Catalogs } from '@repo/i18n';

const zhHans = {
  'unsent.title': '门店设备上未上传的操作',
  'unsent.help': '这些设备最后一次同步时报告还有操作没有上传。如果设备数据已被清除，这些操作已丢失，请联系门店按订单现状处理。',
  'unsent.row': '{store} · {user}：{count} 个操作，订单 {orders}（报告于 {time}）',
  'unsent.unknownUser': '未知账号',
} as const;

/** zh-Hans is the original; the others must have every key. */
export const devicesStrings: Catalogs<keyof typeof zhHans> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'unsent.title': '門市裝置上未上傳的操作',
    'unsent.help': '這些裝置最後一次同步時回報還有操作沒有上傳。如果裝置資料已被清除，這些操作已遺失，請聯絡門市按訂單現況處理。',
    'unsent.row': '{store} · {user}：{count} 個操作，訂單 {orders}（回報於 {time}）',
    'unsent.unknownUser': '未知帳號',
  },
  en: {
    'unsent.title': 'Actions not yet uploaded from store devices',
    'unsent.help': 'These devices last reported actions still to send. If a device\'s data was cleared, those actions are lost: call the store to handle the orders as they stand.',
    // {orders} is a list of order numbers (Intl.ListFormat), so no plural of its own is needed.
    'unsent.row': {
      one: '{store} · {user}: {count} action for {orders} (reported {time})',
      other: '{store} · {user}: {count} actions for {orders} (reported {time})',
    },
    'unsent.unknownUser': 'unknown account',
  },
};
