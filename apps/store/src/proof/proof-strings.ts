import type { Catalogs } from '@repo/i18n';

const zhHans = {
  'proof.separator': '：',
  'proof.waiting': '在本机，等待上传',
  'proof.uploading': '上传中 {percent}',
  'proof.stored': '已上传到服务器',
  'proof.refused': '上传被拒绝，请联系总部',
  'proof.pendingPhotos': '{count} 张照片待上传',
  'proof.pendingSignatures': '{count} 个签名待上传',
  'proof.kind.door_photo': '送达照片',
  'proof.kind.signature': '签名',
  'proof.kind.failure_photo': '配送失败照片',
} as const;

/** zh-Hans is the original; the others must have every key. */
export const proofStrings: Catalogs<keyof typeof zhHans> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'proof.separator': '：',
    'proof.waiting': '在本機，等待上傳',
    'proof.uploading': '上傳中 {percent}',
    'proof.stored': '已上傳到伺服器',
    'proof.refused': '上傳被拒絕，請聯絡總部',
    'proof.pendingPhotos': '{count} 張照片待上傳',
    'proof.pendingSignatures': '{count} 個簽名待上傳',
    'proof.kind.door_photo': '送達照片',
    'proof.kind.signature': '簽名',
    'proof.kind.failure_photo': '配送失敗照片',
  },
  en: {
    'proof.separator': ': ',
    'proof.waiting': 'on this device, waiting to upload',
    'proof.uploading': 'uploading {percent}',
    'proof.stored': 'on the server',
    'proof.refused': 'upload refused; call head office',
    'proof.pendingPhotos': { one: '{count} photo to upload', other: '{count} photos to upload' },
    'proof.pendingSignatures': { one: '{count} signature to upload', other: '{count} signatures to upload' },
    'proof.kind.door_photo': 'Photo at the door',
    'proof.kind.signature': 'Signature',
    'proof.kind.failure_photo': 'Photo of the failed delivery',
  },
};
