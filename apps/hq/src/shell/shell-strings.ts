import type { Catalogs } from '@repo/i18n';

const zhHans = {
  'app.title': '总部调度台',
  'nav.label': '主导航',
  'nav.intake': '接单',
  'nav.board': '派单看板',
  'header.signedIn': '当前用户：',
  'header.language': '语言',
  'header.signOut': '退出登录',
  'error.unreachable': '无法连接服务器，请检查网络后重试。',
} as const;

/** The console's frame: title, navigation, header, connection errors. zh-Hans is the original; the others must have every key. */
export const shellStrings: Catalogs<keyof typeof zhHans> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'app.title': '總部調度台',
    'nav.label': '主導覽',
    'nav.intake': '接單',
    'nav.board': '派單看板',
    'header.signedIn': '目前使用者：',
    'header.language': '語言',
    'header.signOut': '登出',
    'error.unreachable': '無法連線伺服器，請檢查網路後重試。',
  },
  en: {
    'app.title': 'Head-office dispatch',
    'nav.label': 'Main',
    'nav.intake': 'Take order',
    'nav.board': 'Dispatch board',
    'header.signedIn': 'Signed in as ',
    'header.language': 'Language',
    'header.signOut': 'Sign out',
    'error.unreachable': 'Cannot reach the server. Check the network and try again.',
  },
};
