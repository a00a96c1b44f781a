import type { FormInstance } from 'antd';
import { errorText, isApiError } from '../api/client';

/**
 * Puts a server rejection next to the field it concerns when the code names one (e.g. a duplicate
 * code), otherwise returns the text for a banner above the form.
 */
export function applyServerError<T>(
  form: FormInstance<T>,
  error: unknown,
  fieldByCode: Record<string, string> = {},
): string | null {
  const text = errorText(error);
  const field = isApiError(error) ? fieldByCode[error.code] : undefined;
  if (field) {
    form.setFields([{ name: field as never, errors: [text] }]);
    return null;
  }
  return text;
}
