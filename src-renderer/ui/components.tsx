/**
 * Passeur's component library: thin, styled wrappers over React Aria Components, which
 * give every control its keyboard behaviour, focus management and ARIA semantics.
 */
import type React from 'react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  Button as AriaButton,
  type ButtonProps,
  Checkbox,
  CheckboxGroup,
  Dialog,
  FieldError,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Modal,
  ModalOverlay,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea as AriaTextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormErrors, type FormErrors } from '../app/errors';

export function Button({ variant = 'secondary', className, ...props }: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' | 'quiet' }) {
  return <AriaButton {...props} className={`btn btn-${variant}${className ? ` ${String(className)}` : ''}`} />;
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'password' | 'email' | 'tel' | 'search';
  placeholder?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  onKeyDown?: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  /** The field where the page's work starts: it receives the focus when the page opens. */
  pageFocus?: boolean;
  description?: string;
  error?: string | undefined;
  isRequired?: boolean;
  autoComplete?: string;
  autoFocus?: boolean;
  isReadOnly?: boolean;
  /** The expected format, shown under the label (`date`: jj/mm/aaaa, `time`: hh:mm). */
  format?: 'date' | 'time';
  /** The label is read by assistive technologies but not shown (a column header shows it once). */
  labelHidden?: boolean;
}

/**
 * What people need to know before typing, shown under the label and read with the field
 * (aria-describedby): « obligatoire », the expected format, then the field's own help.
 */
function useHint(p: { isRequired?: boolean | undefined; format?: 'date' | 'time' | undefined; description?: string | undefined }): string | null {
  const { t } = useTranslation();
  const parts = [
    p.isRequired ? t('a11y.required') : null,
    p.format ? t('a11y.format', { format: t(p.format === 'date' ? 'a11y.dateFormat' : 'a11y.timeFormat') }) : null,
  ].filter((x): x is string => !!x);
  const head = parts.length ? parts.join(', ') : null;
  if (head && p.description) return `${head.charAt(0).toUpperCase()}${head.slice(1)}. ${p.description}`;
  return head ? `${head.charAt(0).toUpperCase()}${head.slice(1)}` : (p.description ?? null);
}

export function TextInput(p: FieldProps) {
  const hint = useHint(p);
  return (
    <TextField
      className="field"
      name={p.name}
      value={p.value}
      onChange={p.onChange}
      type={p.type ?? 'text'}
      isRequired={p.isRequired ?? false}
      isInvalid={!!p.error}
      isReadOnly={p.isReadOnly ?? false}
      {...(p.autoComplete ? { autoComplete: p.autoComplete } : {})}
      {...(p.autoFocus ? { autoFocus: true } : {})}
      validationBehavior="aria"
    >
      <Label {...(p.labelHidden ? { className: 'visually-hidden' } : {})}>{p.label}</Label>
      {hint && <Text slot="description" className="field-hint">{hint}</Text>}
      <Input {...(p.placeholder ? { placeholder: p.placeholder } : {})} {...(p.inputRef ? { ref: p.inputRef } : {})} {...(p.onKeyDown ? { onKeyDown: p.onKeyDown } : {})} {...(p.pageFocus ? { 'data-page-focus': true } : {})} />
      <FieldError>{p.error}</FieldError>
    </TextField>
  );
}

export function TextAreaInput(p: Omit<FieldProps, 'type'> & { rows?: number }) {
  const hint = useHint(p);
  return (
    <TextField className="field" name={p.name} value={p.value} onChange={p.onChange} isInvalid={!!p.error} isRequired={p.isRequired ?? false} validationBehavior="aria">
      <Label>{p.label}</Label>
      {hint && <Text slot="description" className="field-hint">{hint}</Text>}
      <AriaTextArea rows={p.rows ?? 4} />
      <FieldError>{p.error}</FieldError>
    </TextField>
  );
}

/**
 * A message in a live region (role alert or status: read out when it appears, RGAA 7.5).
 * `focus`: the message takes the focus when it appears or changes — for the outcome of an
 * action whose button is gone or disabled, so that the keyboard goes on from there (12.8).
 */
export function Alert({ kind, children, focus = false }: { kind: 'error' | 'success' | 'info'; children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const text = typeof children === 'string' ? children : null;
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, text]);
  return (
    // Focusable by script (not by Tab): after an action, the keyboard goes on from the message
    // that says what happened (src-renderer/app/useFocusKeeper.ts).
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'} tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}

/**
 * The summary of a refused form (RGAA 11.10): how many errors, or the only one's sentence,
 * and the sentences that belong to no field shown. It takes the focus at each failure
 * (`errors.attempt`), so that the keyboard and the screen reader start from it; each field
 * says its own error beside it.
 */
export function ErrorSummary({ errors }: { errors: (FormErrors & { attempt: number }) | null }) {
  if (!errors) return null;
  return (
    <Alert key={errors.attempt} kind="error" focus>
      {errors.others.length > 0 ? (
        <>
          <p className="error-summary-title">{errors.message}</p>
          <ul className="error-summary-list">
            {errors.others.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : (
        errors.message
      )}
    </Alert>
  );
}

export function DialogBox({
  title,
  isOpen,
  onClose,
  children,
  isDismissable = true,
  role = 'dialog',
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  isDismissable?: boolean;
  role?: 'dialog' | 'alertdialog';
}) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable={isDismissable} isKeyboardDismissDisabled={!isDismissable}>
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function CheckboxList<T extends string>({
  label,
  options,
  value,
  onChange,
  error,
  isDisabled,
  isRequired = false,
}: {
  label: string;
  options: { value: T; label: string; disabled?: boolean; hint?: string }[];
  value: T[];
  onChange: (v: T[]) => void;
  error?: string | undefined;
  isDisabled?: boolean;
  /** At least one box to tick: « Obligatoire » under the label. */
  isRequired?: boolean;
}) {
  const hint = useHint({ isRequired });
  return (
    <CheckboxGroup className="field checkbox-group" value={value} onChange={(v) => onChange(v as T[])} isInvalid={!!error} isDisabled={isDisabled ?? false} isRequired={isRequired} validationBehavior="aria">
      <Label>{label}</Label>
      {hint && <Text slot="description" className="field-hint">{hint}</Text>}
      <div className="checkbox-options">
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} isDisabled={o.disabled ?? false} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            <span>
              <span>{o.label}</span>
              {o.hint && <span className="hint"> — {o.hint}</span>}
            </span>
          </Checkbox>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </CheckboxGroup>
  );
}

export function RadioList<T extends string>({
  label,
  options,
  value,
  onChange,
  error,
  orientation = 'horizontal',
  isRequired = false,
}: {
  label: string;
  options: { value: T; label: string }[];
  /** null: nothing chosen yet (every option then reachable with Tab, as the group's entry). */
  value: T | null;
  onChange: (v: T) => void;
  error?: string | undefined;
  orientation?: 'horizontal' | 'vertical';
  isRequired?: boolean;
}) {
  const hint = useHint({ isRequired });
  // An empty string is "nothing chosen" too: React Aria would take it for a value and leave
  // every radio out of the Tab order (tabindex=-1), so that no option could be reached.
  return (
    <RadioGroup className={`field radio-group radio-${orientation}`} value={value === '' ? null : value} onChange={(v) => onChange(v as T)} isInvalid={!!error} isRequired={isRequired} orientation={orientation} validationBehavior="aria">
      <Label>{label}</Label>
      {hint && <Text slot="description" className="field-hint">{hint}</Text>}
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            <span>{o.label}</span>
          </Radio>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </RadioGroup>
  );
}

/** One checkbox that stands alone (a yes/no question). */
export function CheckboxField({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="field">
      <Checkbox isSelected={value} onChange={onChange} className="checkbox">
        <span className="checkbox-box" aria-hidden="true" />
        <span>{label}</span>
      </Checkbox>
    </div>
  );
}

export function SelectField({
  label,
  options,
  value,
  onChange,
  error,
  placeholder,
  isRequired = false,
  labelHidden = false,
}: {
  label: string;
  options: { id: string; label: string }[];
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | undefined;
  placeholder?: string;
  isRequired?: boolean;
  labelHidden?: boolean;
}) {
  const { t } = useTranslation();
  const hint = useHint({ isRequired });
  // React Aria does not tie a Select's description and error to its button: done here, so
  // that « Obligatoire » and the error are read with the field, which says it is invalid.
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  // The button drops aria-invalid among its props: set on the element itself.
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (error) button.current?.setAttribute('aria-invalid', 'true');
    else button.current?.removeAttribute('aria-invalid');
  }, [error]);
  return (
    <Select
      className="field select"
      selectedKey={value}
      onSelectionChange={(k) => onChange(k === null ? null : String(k))}
      isInvalid={!!error}
      isRequired={isRequired}
      validationBehavior="aria"
      placeholder={placeholder ?? t('common.choose')}
    >
      <Label {...(labelHidden ? { className: 'visually-hidden' } : {})}>{label}</Label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <AriaButton className="select-button" ref={button} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(o) => (
            <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** The buttons at the foot of a dialog form: cancel (closes it) and submit. */
export function DialogActions({ submitLabel, busy = false }: { submitLabel: string; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <AriaButton className="btn btn-secondary" slot="close">
        {t('common.cancel')}
      </AriaButton>
      <AriaButton type="submit" className="btn btn-primary" isDisabled={busy}>
        {submitLabel}
      </AriaButton>
    </div>
  );
}

/**
 * Asks before an action that cannot be taken back lightly. A refusal is shown inside the
 * dialog, which stays open; `onConfirm` closes it (through its caller) when it succeeds.
 * With `fields` (the names of the fields the dialog asks), `children` may be a function that
 * is given each field's error, so that a refusal is shown beside its field (RGAA 11.10).
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  variant = 'primary',
  onConfirm,
  onClose,
  fields = [],
  children,
}: {
  title: string;
  confirmLabel: string;
  variant?: 'primary' | 'danger';
  onConfirm: () => Promise<void>;
  onClose: () => void;
  fields?: readonly string[];
  children: ReactNode | ((errorOf: (name: string) => string | undefined) => ReactNode);
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  return (
    <DialogBox title={title} isOpen onClose={onClose}>
      {typeof children === 'function' ? children(form.of) : children}
      <ErrorSummary errors={form.errors} />
      <div className="actions">
        <AriaButton className="btn btn-secondary" slot="close">
          {t('common.cancel')}
        </AriaButton>
        <AriaButton
          className={`btn btn-${variant}`}
          isDisabled={busy}
          onPress={async () => {
            setBusy(true);
            form.clear();
            try {
              await onConfirm();
            } catch (e) {
              form.fail(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </AriaButton>
      </div>
    </DialogBox>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}
