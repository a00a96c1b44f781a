import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

// Query caches live outside React, yet messages must use the themed, localized App context.
// The bridge below hands the context's instance to plain functions.
let messageApi: MessageInstance | null = null;

export function FeedbackBridge() {
  const { message } = App.useApp();
  messageApi = message;
  return null;
}

/** Keyed by text: five queries failing the same way show one message, not five. */
export function notifyError(text: string): void {
  void messageApi?.error({ content: text, key: text });
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}
