// Owns the signing errors (签名错误): one typed error with its reason and a Chinese message that says what to do.
import { AppError } from '../kernel/errors';

export type SigningErrorCode =
  | 'wrong-passphrase'
  | 'identity-malformed'
  | 'identity-missing'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'certificate-malformed'
  | 'passphrase-invalid'
  | 'key-locked';

/** The user's to fix (wrong passphrase, expired certificate …): it reaches the user as invalid-input with its Chinese message. */
export class SigningError extends AppError {
  constructor(
    readonly reason: SigningErrorCode,
    message: string,
  ) {
    super('invalid-input', message);
    this.name = 'SigningError';
  }
}

export const signingMessages = {
  wrongPassphrase: '口令不正确，请重新输入',
  passphraseInvalid: (reason: string) => `${reason}，请重新设置口令。`,
  keyLocked: '签名身份已锁定（15 分钟未使用会自动锁定）：请输入口令解锁后再签名。',
  identityMissing: '尚未创建签名身份，请先在“签名身份”中创建后再签名。',
  identityMalformed: (detail: string) => `签名身份文件已损坏或格式不正确（${detail}），无法使用。请重新创建签名身份。`,
  certificateMalformed: (detail: string) => `证书无法解析（${detail}），请确认文件未被修改或改用正确的证书。`,
  certificateExpired: (notAfter: string, at: string) => `证书已于 ${notAfter} 过期（签名时间 ${at}），请重新创建签名身份。`,
  certificateNotYetValid: (notBefore: string, at: string) => `证书自 ${notBefore} 起才生效（签名时间 ${at}），请检查系统时间。`,
};
