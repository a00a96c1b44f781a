import { Component, type ReactNode } from 'react';
import { Alert, Button } from 'antd';

type Props = { children: ReactNode; onOpenJson: () => void; /** A new value (the next draft) tries the form again. */ resetKey: unknown };

/**
 * JSON typed by hand can hold values of a shape the forms do not expect (a name that is a list,
 * a rule without its effect …). The server names the problem; the form shows this instead of
 * taking the whole page down, and the JSON tab stays usable to fix it.
 */
export class TabErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(prev: Props) {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert
        type="warning"
        showIcon
        message="当前内容无法用表单显示"
        description="标准中有表单无法识别的内容（通常是在 JSON 中写入了不符合格式的值）。请根据上方的问题列表，在“高级（JSON）”中修改。"
        action={
          <Button size="small" onClick={this.props.onOpenJson}>
            打开 JSON
          </Button>
        }
      />
    );
  }
}
