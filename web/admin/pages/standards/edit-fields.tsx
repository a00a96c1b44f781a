import { createContext, useContext, type ReactNode } from 'react';
import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { SelectProps } from 'antd';
import { getIn, pathKey, type Draft, type Path } from './standard-draft';

type EditorState = {
  doc: Draft;
  /** Replaces the value at a path; `undefined` removes an optional key. */
  update: (path: Path, value: unknown) => void;
  errors: Map<string, string[]>;
  readOnly: boolean;
};

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor outside the standard editor');
  return state;
}

/** The messages for a path, shown where that value is edited. */
export function useErrorsAt(path: Path): string[] {
  return useEditor().errors.get(pathKey(path)) ?? [];
}

type FieldProps = { path: Path; label?: ReactNode; extra?: ReactNode; children: ReactNode; compact?: boolean; required?: boolean };

export function Field({ path, label, extra, children, compact, required }: FieldProps) {
  const errors = useErrorsAt(path);
  return (
    <Form.Item
      label={label}
      required={required}
      extra={extra}
      validateStatus={errors.length ? 'error' : undefined}
      help={errors.length ? errors.join('；') : undefined}
      style={compact ? { marginBottom: 0 } : undefined}
      data-path={pathKey(path)}
    >
      {children}
    </Form.Item>
  );
}

/** Errors reported on a whole list or row (e.g. weights that do not add up) above its editor. */
export function PathAlert({ path }: { path: Path }) {
  const errors = useErrorsAt(path);
  if (!errors.length) return null;
  return <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-path={pathKey(path)} />;
}

type Common = { path: Path; label?: ReactNode; extra?: ReactNode; compact?: boolean; required?: boolean; ariaLabel?: string };

export function TextField({ placeholder, textarea, width, ...p }: Common & { placeholder?: string; textarea?: boolean; width?: number | string }) {
  const { doc, update } = useEditor();
  const value = getIn(doc, p.path);
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const onChange = (v: string) => update(p.path, v);
  return (
    <Field {...p}>
      {textarea ? (
        <Input.TextArea value={text} placeholder={placeholder} autoSize={{ minRows: 2, maxRows: 6 }} aria-label={p.ariaLabel} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input value={text} placeholder={placeholder} style={{ width }} aria-label={p.ariaLabel} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** Optional text: an empty box removes the key rather than storing "". */
export function OptionalTextField(props: Common & { placeholder?: string; textarea?: boolean }) {
  const { doc, update } = useEditor();
  const value = getIn(doc, props.path);
  return (
    <Field {...props}>
      <Input.TextArea
        value={typeof value === 'string' ? value : ''}
        placeholder={props.placeholder}
        autoSize={{ minRows: props.textarea ? 2 : 1, maxRows: 6 }}
        aria-label={props.ariaLabel}
        onChange={(e) => update(props.path, e.target.value === '' ? undefined : e.target.value)}
      />
    </Field>
  );
}

type NumberProps = Common & { min?: number; max?: number; step?: number; integer?: boolean; optional?: boolean; width?: number; addonAfter?: ReactNode; addonBefore?: ReactNode };

export function NumberField({ min, max, step, integer, optional, width, addonAfter, addonBefore, ...p }: NumberProps) {
  const { doc, update } = useEditor();
  const value = getIn(doc, p.path);
  return (
    <Field {...p}>
      <InputNumber<number>
        value={typeof value === 'number' ? value : null}
        min={min}
        max={max}
        step={step ?? 1}
        precision={integer ? 0 : undefined}
        style={{ width: width ?? 120 }}
        addonAfter={addonAfter}
        addonBefore={addonBefore}
        aria-label={p.ariaLabel}
        // A cleared required number stays null so that the server names the missing field.
        onChange={(v) => update(p.path, v === null ? (optional ? undefined : null) : v)}
      />
    </Field>
  );
}

export function SelectField<V extends string | number>({
  options,
  mode,
  width,
  allowClear,
  placeholder,
  ...p
}: Common & { options: SelectProps['options']; mode?: 'multiple' | 'tags'; width?: number | string; allowClear?: boolean; placeholder?: string }) {
  const { doc, update } = useEditor();
  const value = getIn(doc, p.path) as V | V[] | undefined;
  return (
    <Field {...p}>
      <Select<V | V[]>
        value={value ?? (mode ? [] : undefined)}
        options={options}
        mode={mode}
        allowClear={allowClear}
        placeholder={placeholder}
        style={{ width: width ?? 160 }}
        aria-label={p.ariaLabel}
        onChange={(v) => update(p.path, v === null ? undefined : v)}
      />
    </Field>
  );
}

export function SwitchField({ path, label, checkedText = '是', uncheckedText = '否' }: { path: Path; label: ReactNode; checkedText?: string; uncheckedText?: string }) {
  const { doc, update } = useEditor();
  return (
    <Field path={path} label={label}>
      <Switch
        checked={getIn(doc, path) === true}
        checkedChildren={checkedText}
        unCheckedChildren={uncheckedText}
        onChange={(on) => update(path, on ? true : undefined)}
      />
    </Field>
  );
}

/** A switch that adds or removes an optional section (bonus items, quotas, town scheme …). */
export function SectionToggle({ path, label, make }: { path: Path; label: string; make: () => unknown }) {
  const { doc, update } = useEditor();
  const on = getIn(doc, path) !== undefined;
  return (
    <Switch
      checked={on}
      checkedChildren="启用"
      unCheckedChildren="不启用"
      aria-label={label}
      onChange={(next) => update(path, next ? make() : undefined)}
    />
  );
}

export const starOptions = [5, 4, 3, 2, 1].map((s) => ({ value: s, label: `${s} 星` }));
export const minStarOptions = [4, 3, 2, 1, 0].map((s) => ({ value: s, label: s === 0 ? '0 星（不评星）' : `${s} 星` }));
