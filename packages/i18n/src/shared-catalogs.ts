import type { BarcodeRejectionReason, OrderStatus, RejectionReason } from '@repo/domain';
import type { Catalogs } from './translator.js';

type SharedKey = `status.${OrderStatus}` | `rejection.${RejectionReason}` | `scanRejection.${BarcodeRejectionReason}` | `locale.${'zh-Hans' | 'zh-Hant' | 'en'}`
  // Signing in reads the same in the store app and the console.
  | `login.${'title' | 'username' | 'password' | 'submit' | 'busy' | 'failed' | 'throttled'}`;

/** Words both apps use: order states, refusal reasons, language names. */
export const sharedCatalogs: Catalogs<SharedKey> = {
  'zh-Hans': {
    'status.received': '待派单', 'status.offered': '待接单', 'status.accepted': '已接单', 'status.picking': '拣货中',
    'status.short': '缺货待处理', 'status.picked': '已拣货', 'status.out_for_delivery': '配送中',
    'status.returned_to_store': '配送失败已退回', 'status.delivered': '已送达', 'status.closed': '已结单', 'status.cancelled': '已取消',
    'rejection.TRANSITION_NOT_ALLOWED': '订单当前状态不允许此操作。', 'rejection.ROLE_NOT_ALLOWED': '您的岗位不能执行此操作。',
    'rejection.WRONG_STORE': '此订单不属于您的门店。', 'rejection.OFFER_EXPIRED': '派单已超时，总部将重新派单。',
    'rejection.OFFER_STILL_OPEN': '派单尚未超时。', 'rejection.STORE_ALREADY_DECLINED': '该门店已拒绝过此订单，请选择其他门店。',
    'rejection.NOT_ASSIGNED_CLERK': '此订单由其他店员配送。', 'rejection.CLERK_REQUIRED': '请选择配送店员。',
    'rejection.NOTHING_SHORT': '所有商品库存充足，没有缺货。', 'rejection.ORDER_NOT_FOUND': '找不到此订单。', 'rejection.INVALID_INPUT': '输入有误，请检查。', 'rejection.STORAGE_FULL': '手机存储空间已满，无法保存。请清理照片或其他应用后重试。',
    'scanRejection.EMPTY_SCAN': '扫描内容为空。', 'scanRejection.UNSUPPORTED_SYMBOLOGY': '不支持此类条码。', 'scanRejection.UNRECOGNISED_BARCODE': '不是商品码、GS1 码或指令码。', 'scanRejection.BAD_FORMAT': '条码内容格式不对。', 'scanRejection.BAD_LENGTH': '条码位数不对。', 'scanRejection.BAD_CHECK_DIGIT': '校验位错误，可能读错了，请重扫。', 'scanRejection.UNKNOWN_AI': '含有未知的 GS1 应用标识符。', 'scanRejection.MISSING_SEPARATOR': 'GS1 分隔符缺失，请运行扫描枪设置向导。', 'scanRejection.DUPLICATE_AI': '同一标识符出现了两次且内容不同。', 'scanRejection.INVALID_AI_PAIR': '条码中的标识符组合不允许。', 'scanRejection.BAD_DATE': '日期无效。', 'scanRejection.BAD_TIME': '时间无效。', 'scanRejection.BAD_CURRENCY': '币种代码无效。', 'scanRejection.BAD_VALUE': '数值无效。', 'scanRejection.INVALID_LAYOUT': '店内码规则配置有误。', 'scanRejection.NOT_A_PRODUCT': '这不是商品条码。', 'scanRejection.UNKNOWN_CODE': '商品目录中没有此条码。',
    'rejection.PICK_ON_OTHER_DEVICE': '本店另一台手持终端正在拣此订单，本机的拣货不计入。', 'rejection.PICK_INCOMPLETE': '还有商品没拣完：请拣完或标记缺货。',
    'rejection.PICK_MISMATCH': '拣货与订单不符（多拣或拣了订单外的商品）。', 'rejection.DELIVERY_CODE_WRONG': '收货码不对。',
    'rejection.PROOF_MISSING': '缺少送达凭证（照片、签名或收款）。', 'rejection.UNDO_WINDOW_PASSED': '已超过可撤销的时间，请致电总部。',
    'rejection.GOODS_NOT_BACK': '请先扫描袋签或商品，确认货物已退回门店。', 'rejection.CLERK_UNKNOWN': '这位店员不在本店名单中。',
    'rejection.UNDER_REVIEW': '网店订单尚在审核中，审核通过后才能派单。',
    'locale.zh-Hans': '简体中文', 'locale.zh-Hant': '繁體中文', 'locale.en': 'English',
    'login.title': '登录', 'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录', 'login.busy': '正在登录…', 'login.failed': '用户名或密码错误。', 'login.throttled': '密码错误次数过多，请稍后再试（等待时间随错误次数增加，最长 15 分钟）。',
  },
  'zh-Hant': {
    'status.received': '待派單', 'status.offered': '待接單', 'status.accepted': '已接單', 'status.picking': '揀貨中',
    'status.short': '缺貨待處理', 'status.picked': '已揀貨', 'status.out_for_delivery': '配送中',
    'status.returned_to_store': '配送失敗已退回', 'status.delivered': '已送達', 'status.closed': '已結單', 'status.cancelled': '已取消',
    'rejection.TRANSITION_NOT_ALLOWED': '訂單目前狀態不允許此操作。', 'rejection.ROLE_NOT_ALLOWED': '您的崗位不能執行此操作。',
    'rejection.WRONG_STORE': '此訂單不屬於您的門市。', 'rejection.OFFER_EXPIRED': '派單已逾時，總部將重新派單。',
    'rejection.OFFER_STILL_OPEN': '派單尚未逾時。', 'rejection.STORE_ALREADY_DECLINED': '該門市已拒絕過此訂單，請選擇其他門市。',
    'rejection.NOT_ASSIGNED_CLERK': '此訂單由其他店員配送。', 'rejection.CLERK_REQUIRED': '請選擇配送店員。',
    'rejection.NOTHING_SHORT': '所有商品庫存充足，沒有缺貨。', 'rejection.ORDER_NOT_FOUND': '找不到此訂單。', 'rejection.INVALID_INPUT': '輸入有誤，請檢查。', 'rejection.STORAGE_FULL': '手機儲存空間已滿，無法儲存。請清理相片或其他 App 後重試。',
    'scanRejection.EMPTY_SCAN': '掃描內容為空。', 'scanRejection.UNSUPPORTED_SYMBOLOGY': '不支援此類條碼。', 'scanRejection.UNRECOGNISED_BARCODE': '不是商品碼、GS1 碼或指令碼。', 'scanRejection.BAD_FORMAT': '條碼內容格式不對。', 'scanRejection.BAD_LENGTH': '條碼位數不對。', 'scanRejection.BAD_CHECK_DIGIT': '檢查碼錯誤，可能讀錯了，請重掃。', 'scanRejection.UNKNOWN_AI': '含有未知的 GS1 應用識別碼。', 'scanRejection.MISSING_SEPARATOR': 'GS1 分隔符遺失，請執行掃描槍設定精靈。', 'scanRejection.DUPLICATE_AI': '同一識別碼出現兩次且內容不同。', 'scanRejection.INVALID_AI_PAIR': '條碼中的識別碼組合不允許。', 'scanRejection.BAD_DATE': '日期無效。', 'scanRejection.BAD_TIME': '時間無效。', 'scanRejection.BAD_CURRENCY': '幣別代碼無效。', 'scanRejection.BAD_VALUE': '數值無效。', 'scanRejection.INVALID_LAYOUT': '店內碼規則設定有誤。', 'scanRejection.NOT_A_PRODUCT': '這不是商品條碼。', 'scanRejection.UNKNOWN_CODE': '商品目錄中沒有此條碼。',
    'rejection.PICK_ON_OTHER_DEVICE': '本店另一台手持終端正在揀此訂單，本機的揀貨不計入。', 'rejection.PICK_INCOMPLETE': '還有商品沒揀完：請揀完或標記缺貨。',
    'rejection.PICK_MISMATCH': '揀貨與訂單不符（多揀或揀了訂單外的商品）。', 'rejection.DELIVERY_CODE_WRONG': '收貨碼不對。',
    'rejection.PROOF_MISSING': '缺少送達憑證（相片、簽名或收款）。', 'rejection.UNDO_WINDOW_PASSED': '已超過可撤銷的時間，請致電總部。',
    'rejection.GOODS_NOT_BACK': '請先掃描袋籤或商品，確認貨物已退回門市。', 'rejection.CLERK_UNKNOWN': '這位店員不在本店名單中。',
    'rejection.UNDER_REVIEW': '網店訂單尚在審核中，審核通過後才能派單。',
    'locale.zh-Hans': '简体中文', 'locale.zh-Hant': '繁體中文', 'locale.en': 'English',
    'login.title': '登入', 'login.username': '使用者名稱', 'login.password': '密碼', 'login.submit': '登入', 'login.busy': '正在登入…', 'login.failed': '使用者名稱或密碼錯誤。', 'login.throttled': '密碼錯誤次數過多，請稍後再試（等待時間隨錯誤次數增加，最長 15 分鐘）。',
  },
  en: {
    'status.received': 'Awaiting dispatch', 'status.offered': 'Offered', 'status.accepted': 'Accepted', 'status.picking': 'Picking',
    'status.short': 'Short, awaiting decision', 'status.picked': 'Picked', 'status.out_for_delivery': 'Out for delivery',
    'status.returned_to_store': 'Delivery failed, back at store', 'status.delivered': 'Delivered', 'status.closed': 'Closed', 'status.cancelled': 'Cancelled',
    'rejection.TRANSITION_NOT_ALLOWED': 'The order is not in a state that allows this.', 'rejection.ROLE_NOT_ALLOWED': 'Your role cannot do this.',
    'rejection.WRONG_STORE': 'This order is not assigned to your store.', 'rejection.OFFER_EXPIRED': 'The offer expired; head office will dispatch again.',
    'rejection.OFFER_STILL_OPEN': 'The offer has not expired yet.', 'rejection.STORE_ALREADY_DECLINED': 'That store already declined this order; choose another.',
    'rejection.NOT_ASSIGNED_CLERK': 'Another clerk is delivering this order.', 'rejection.CLERK_REQUIRED': 'Choose a clerk to deliver.',
    'rejection.NOTHING_SHORT': 'Every line is in stock; nothing is short.', 'rejection.ORDER_NOT_FOUND': 'No such order.', 'rejection.INVALID_INPUT': 'Something in the input is wrong.', 'rejection.STORAGE_FULL': 'The phone\'s storage is full, so this could not be saved. Delete photos or apps and try again.',
    'scanRejection.EMPTY_SCAN': 'The scan was empty.', 'scanRejection.UNSUPPORTED_SYMBOLOGY': 'This kind of barcode is not supported.', 'scanRejection.UNRECOGNISED_BARCODE': 'Not a product, GS1 or command barcode.', 'scanRejection.BAD_FORMAT': 'The barcode data has the wrong format.', 'scanRejection.BAD_LENGTH': 'The barcode has the wrong number of digits.', 'scanRejection.BAD_CHECK_DIGIT': 'Wrong check digit: probably a misread, scan again.', 'scanRejection.UNKNOWN_AI': 'It contains an unknown GS1 Application Identifier.', 'scanRejection.MISSING_SEPARATOR': 'A GS1 separator is missing: run the scanner setup wizard.', 'scanRejection.DUPLICATE_AI': 'The same identifier appears twice with different data.', 'scanRejection.INVALID_AI_PAIR': 'This combination of identifiers is not allowed.', 'scanRejection.BAD_DATE': 'The date is not valid.', 'scanRejection.BAD_TIME': 'The time is not valid.', 'scanRejection.BAD_CURRENCY': 'The currency code is not valid.', 'scanRejection.BAD_VALUE': 'The value is not valid.', 'scanRejection.INVALID_LAYOUT': 'The in-store code layout is misconfigured.', 'scanRejection.NOT_A_PRODUCT': 'This is not a product barcode.', 'scanRejection.UNKNOWN_CODE': 'This barcode is not in the catalogue.',
    'rejection.PICK_ON_OTHER_DEVICE': 'Another handheld of the store is picking this order; this pick does not count.', 'rejection.PICK_INCOMPLETE': 'Some items are not picked yet: pick them or mark them short.',
    'rejection.PICK_MISMATCH': 'The pick does not match the order (too many, or an item not on it).', 'rejection.DELIVERY_CODE_WRONG': 'The delivery code is wrong.',
    'rejection.PROOF_MISSING': 'Proof of delivery is missing (photo, signature or cash).', 'rejection.UNDO_WINDOW_PASSED': 'Too late to undo; call head office.',
    'rejection.GOODS_NOT_BACK': 'Scan the bag label or the items first to confirm the goods are back.', 'rejection.CLERK_UNKNOWN': 'That clerk is not on this store\'s list.',
    'rejection.UNDER_REVIEW': 'This web-shop order is still under review; approve it before dispatching.',
    'locale.zh-Hans': '简体中文', 'locale.zh-Hant': '繁體中文', 'locale.en': 'English',
    'login.title': 'Sign in', 'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in', 'login.busy': 'Signing in…', 'login.failed': 'Wrong user name or password.', 'login.throttled': 'Too many wrong passwords. Try again later (the wait grows with each wrong password, up to 15 minutes).',
  },
};
