import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';

/** Asks for the written reason of a return; the step is taken only with a non-empty reason. */
export function ReasonModal({ title, hint, open, pending, onCancel, onOk }: { title: string; hint: string; open: boolean; pending: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal title={title} open={open} onCancel={onCancel} okText="确定退回" cancelText="取消" okButtonProps={{ disabled: reason.trim() === '', loading: pending, danger: true }} onOk={() => onOk(reason.trim())} destroyOnHidden>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Input.TextArea aria-label="退回原因" rows={4} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请写明需要修改或补充的内容" />
    </Modal>
  );
}
