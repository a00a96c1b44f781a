import { isStrongPassword } from '../../../shared/password-policy';
import { messageFor } from '../../../shared/errors';

/** The same rule the server applies, so users learn it before they submit. */
export const strongPasswordRule = {
  validator: (_: unknown, value: string | undefined) =>
    !value || isStrongPassword(value)
      ? Promise.resolve()
      : Promise.reject(new Error(messageFor('password.too_weak'))),
};

/** Short enough for a placeholder; the full rule appears as the validation message. */
export const passwordHint = '至少 12 位，含大小写字母、数字、符号中的三类';
