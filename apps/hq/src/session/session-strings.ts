import type { Catalogs } from '@repo/i18n';

const zhHans = {
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'login.failed': '用户名或密码错误。',
  'login.throttled': '密码错误次数过多，请稍后再试（等待时间随错误次数增加，最长 15 分钟）。',
  'login.unreachable': '无法连接服务器，请稍后再试。',
  'login.wrongApp': '此账号属于门店，请在门店手持终端上使用门店应用。',
  'login.expired': '登录已过期，请重新登录。',
} as const;

/** Signing in. zh-Hans is the original; the others must have every key. */
export const sessionStrings: Catalogs<keyof typeof zhHans> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'login.title': '登入',
    'login.username': '使用者名稱',
    'login.password': '密碼',
    'login.submit': '登入',
    'login.busy': '正在登入…',
    'login.failed': '使用者名稱或密碼錯誤。',
    'login.throttled': '密碼錯誤次數過多，請稍後再試（等待時間隨錯誤次數增加，最長 15 分鐘）。',
    'login.unreachable': '無法連線伺服器，請稍後再試。',
    'login.wrongApp': '此帳號屬於門市，請在門市手持終端上使用門市應用程式。',
    'login.expired': '登入已逾時，請重新登入。',
  },
  en: {
    'login.title': 'Sign in',
    'login.username': 'User name',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.busy': 'Signing in…',
    'login.failed': 'Wrong user name or password.',
    'login.throttled': 'Too many wrong passwords. Try again later (the wait grows with each wrong password, up to 15 minutes).',
    'login.unreachable': 'Cannot reach the server. Try again shortly.',
    'login.wrongApp': 'This is a store account: use the store app on the handheld.',
    'login.expired': 'Your session ended. Please sign in again.',
  },
};
