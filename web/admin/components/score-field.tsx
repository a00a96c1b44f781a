// A score typed as text and checked, never corrected: Ant Design's InputNumber with min, max and
// precision turns a typed 999 into the maximum, 1.234 into 1.23 and 'abc' into blank without a
// word. Here the text stays as typed, a bad value is shown in red with the allowed range, and the
// caller does not save while any field is bad. The same check runs on the server.
import { Input, Typography, type FormRule } from 'antd';
import { allowedRangeText, checkCell, pointsProblem, pointsProblemText } from '../../../shared/score-cell';

/** The text a stored value shows as (blank for none). */
export const scoreText = (points: number | null | undefined): string => (points === null || points === undefined ? '' : String(points));

/** The refusal for a typed text, or null when it may be saved (blank included). */
export function scoreError(text: string, maxPoints: number): string | null {
  if (checkCell(text, maxPoints).ok) return null;
  // checkCell refuses 1e2 and 'abc' alike: both are not a number as the scorer typed it.
  const n = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const problem = pointsProblem(n, maxPoints) ?? 'not_a_number';
  return `${pointsProblemText[problem]}，应为 ${allowedRangeText(maxPoints)}`;
}

/** A Form rule for a required score field holding text. */
export function scoreRule(maxPoints: number): FormRule {
  return {
    validator: (_, value: unknown) => {
      const text = value === undefined || value === null ? '' : String(value);
      if (text.trim() === '') return Promise.reject(new Error(`请填写得分（${allowedRangeText(maxPoints)}）`));
      const error = scoreError(text, maxPoints);
      return error ? Promise.reject(new Error(error)) : Promise.resolve();
    },
  };
}

type Props = {
  value: string;
  onChange: (text: string) => void;
  maxPoints: number;
  label: string;
  disabled?: boolean;
  indicatorId?: string;
  changed?: boolean;
  width?: number;
};

/** A score input for a table cell: its own error line under it, the range in the placeholder. */
export function ScoreField({ value, onChange, maxPoints, label, disabled, indicatorId, changed, width = 140 }: Props) {
  const error = scoreError(value, maxPoints);
  return (
    <div>
      <Input
        aria-label={label}
        aria-invalid={error !== null}
        aria-valuemin={0}
        aria-valuemax={maxPoints}
        data-indicator={indicatorId}
        inputMode="decimal"
        placeholder={`0–${maxPoints}`}
        value={value}
        disabled={disabled}
        status={error ? 'error' : changed ? 'warning' : undefined}
        onChange={(e) => onChange(e.target.value)}
        addonAfter={`/ ${maxPoints}`}
        style={{ width }}
      />
      {error && !disabled && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="score-field-error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
