import { isStrongPassword } from '../../../shared/password-policy';
import { messageFor } from '../../../shared/errors';

/** The same rule the server applies, so users learn it before they submit. */
export const strongPasswordRule = {
  validator: (_: unknown, value: string | undefined) =>
    !value || isStrongPassword(value)
      ? Promise.resolve()
      : Promise.reject(new Error(messageFor('password.too_weak'))),
};

export const passwordHint = '至少 12 位，包含大写字母、小写字母、数字、符号中的至少三类';
