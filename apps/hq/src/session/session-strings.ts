import type { Catalogs } from '@repo/i18n';

const zhHans = {
  'login.unreachable': '无法连接服务器，请稍后再试。',
  'login.wrongApp': '此账号属于门店，请在门店手持终端上使用门店应用。',
  'login.expired': '登录已过期，请重新登录。',
} as const;

/** Signing in. zh-Hans is the original; the others must have every key. */
export const sessionStrings: Catalogs<keyof typeof zhHans> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'login.unreachable': '無法連線伺服器，請稍後再試。',
    'login.wrongApp': '此帳號屬於門市，請在門市手持終端上使用門市應用程式。',
    'login.expired': '登入已逾時，請重新登入。',
  },
  en: {
    'login.unreachable': 'Cannot reach the server. Try again shortly.',
    'login.wrongApp': 'This is a store account: use the store app on the handheld.',
    'login.expired': 'Your session ended. Please sign in again.',
  },
};
