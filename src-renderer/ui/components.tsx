/**
 * Passeur's component library: thin, styled wrappers over React Aria Components, which
 * give every control its keyboard behaviour, focus management and ARIA semantics.
 */
import type React from 'react';
import { useState, type ReactNode } from 'react';
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
import { errorText } from '../app/errors';

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
}

export function TextInput(p: FieldProps) {
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
      <Label>{p.label}</Label>
      <Input {...(p.placeholder ? { placeholder: p.placeholder } : {})} {...(p.inputRef ? { ref: p.inputRef } : {})} {...(p.onKeyDown ? { onKeyDown: p.onKeyDown } : {})} {...(p.pageFocus ? { 'data-page-focus': true } : {})} />
      {p.description && <Text slot="description">{p.description}</Text>}
      <FieldError>{p.error}</FieldError>
    </TextField>
  );
}

export function TextAreaInput(p: Omit<FieldProps, 'type'> & { rows?: number }) {
  return (
    <TextField className="field" name={p.name} value={p.value} onChange={p.onChange} isInvalid={!!p.error} isRequired={p.isRequired ?? false} validationBehavior="aria">
      <Label>{p.label}</Label>
      <AriaTextArea rows={p.rows ?? 4} />
      {p.description && <Text slot="description">{p.description}</Text>}
      <FieldError>{p.error}</FieldError>
    </TextField>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function DialogBox({ title, isOpen, onClose, children, isDismissable = true }: { title: string; isOpen: boolean; onClose: () => void; children: ReactNode; isDismissable?: boolean }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable={isDismissable} isKeyboardDismissDisabled={!isDismissable}>
      <Modal className="modal">
        <Dialog className="dialog">
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
}: {
  label: string;
  options: { value: T; label: string; disabled?: boolean; hint?: string }[];
  value: T[];
  onChange: (v: T[]) => void;
  error?: string | undefined;
  isDisabled?: boolean;
}) {
  return (
    <CheckboxGroup className="field checkbox-group" value={value} onChange={(v) => onChange(v as T[])} isInvalid={!!error} isDisabled={isDisabled ?? false} validationBehavior="aria">
      <Label>{label}</Label>
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
}: {
  label: string;
  options: { value: T; label: string }[];
  /** null: nothing chosen yet (every option then reachable with Tab, as the group's entry). */
  value: T | null;
  onChange: (v: T) => void;
  error?: string | undefined;
  orientation?: 'horizontal' | 'vertical';
}) {
  return (
    <RadioGroup className={`field radio-group radio-${orientation}`} value={value} onChange={(v) => onChange(v as T)} isInvalid={!!error} orientation={orientation} validationBehavior="aria">
      <Label>{label}</Label>
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
}: {
  label: string;
  options: { id: string; label: string }[];
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | undefined;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select className="field select" selectedKey={value} onSelectionChange={(k) => onChange(k === null ? null : String(k))} isInvalid={!!error} placeholder={placeholder ?? t('common.choose')}>
      <Label>{label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      <FieldError>{error}</FieldError>
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
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  variant = 'primary',
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  variant?: 'primary' | 'danger';
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <DialogBox title={title} isOpen onClose={onClose}>
      {children}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="actions">
        <AriaButton className="btn btn-secondary" slot="close">
          {t('common.cancel')}
        </AriaButton>
        <AriaButton
          className={`btn btn-${variant}`}
          isDisabled={busy}
          onPress={async () => {
            setBusy(true);
            setError(null);
            try {
              await onConfirm();
            } catch (e) {
              setError(errorText(e));
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
