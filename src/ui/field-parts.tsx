import { Slot } from 'radix-ui';
import {
  createContext,
  useCallback,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { useMessages } from '../i18n/i18n-context';
import { cn } from './cn';

type Note = 'label' | 'help' | 'error';

interface FieldContextValue {
  controlId: string;
  /** The {@link FieldLabel}'s id. */
  labelId: string;
  /** Whether a label is shown (so something may point at `labelId`). */
  labelled: boolean;
  helpId: string;
  errorId: string;
  invalid: boolean;
  describedBy: string | undefined;
  /** A label, help or error line says it is shown (or gone), so the control points at what exists. */
  setNote: (note: Note, shown: boolean) => void;
}

const FieldContext = createContext<FieldContextValue | null>(null);

function useField(part: string): FieldContextValue {
  const field = useContext(FieldContext);
  if (!field) throw new Error(`<${part}> must be inside <FieldRoot>.`);
  return field;
}

/** Tells the field while a note is on screen; a layout effect, so it is wired before paint. */
function useNote(note: Note, shown: boolean) {
  const { setNote } = useField(noteParts[note]);
  useLayoutEffect(() => {
    if (!shown) return;
    setNote(note, true);
    return () => setNote(note, false);
  }, [note, shown, setNote]);
}

const noteParts: Record<Note, string> = {
  label: 'FieldLabel',
  help: 'FieldHelp',
  error: 'FieldError',
};

/**
 * The id of the enclosing field's label while it is shown, `undefined` outside a field or without
 * a label: for a control that is a button (the select's trigger), which a `<label for>` does not
 * name everywhere, to point `aria-labelledby` at it.
 */
export function useFieldLabelId(): string | undefined {
  const field = useContext(FieldContext);
  return field?.labelled ? field.labelId : undefined;
}

function hasContent(children: ReactNode): boolean {
  return children !== undefined && children !== null && children !== false && children !== '';
}

/** Props of {@link FieldRoot}. */
export interface FieldRootProps extends ComponentProps<'div'> {
  /** The control's `id` (the label points at it); generated when not given. */
  controlId?: string;
  /** Marks the field invalid even before (or without) a {@link FieldError}. */
  invalid?: boolean;
}

/**
 * A labelled form control, composed of parts: {@link FieldLabel}, {@link FieldControl} (the
 * input, select or checkbox), {@link FieldHelp} and {@link FieldError}, in any layout. The root
 * wires them: the label names the control, the control is described by the error and the help
 * that are shown (error first), and is `aria-invalid` while there is an error.
 * `data-invalid` on the root is the styling hook.
 *
 * @example
 * <FieldRoot>
 *   <FieldLabel hint="(optional)">Region</FieldLabel>
 *   <FieldControl><Select>…</Select></FieldControl>
 *   <FieldError>{error}</FieldError>
 *   <FieldHelp learnMoreHref={url}>Where your data lives.</FieldHelp>
 * </FieldRoot>
 */
export function FieldRoot({ controlId, invalid = false, className, ...props }: FieldRootProps) {
  const autoId = useId();
  const id = controlId ?? `pc-field-${autoId}`;
  const [notes, setNotes] = useState<Record<Note, boolean>>({
    label: false,
    help: false,
    error: false,
  });
  const setNote = useCallback((note: Note, shown: boolean) => {
    setNotes((current) => (current[note] === shown ? current : { ...current, [note]: shown }));
  }, []);
  const isInvalid = invalid || notes.error;
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [notes.error ? errorId : null, notes.help ? helpId : null].filter(Boolean).join(' ') ||
    undefined;
  const field = useMemo(
    () => ({
      controlId: id,
      labelId,
      labelled: notes.label,
      helpId,
      errorId,
      invalid: isInvalid,
      describedBy,
      setNote,
    }),
    [id, labelId, notes.label, helpId, errorId, isInvalid, describedBy, setNote],
  );
  return (
    <FieldContext.Provider value={field}>
      <div
        data-slot="field"
        data-invalid={isInvalid ? '' : undefined}
        {...props}
        className={cn('pc-field', className)}
      />
    </FieldContext.Provider>
  );
}

/** Props of {@link FieldLabel}: a `<label>`'s, without `htmlFor` and `id` (the field sets them). */
export interface FieldLabelProps extends Omit<ComponentProps<'label'>, 'htmlFor' | 'id'> {
  /** Quieter words after the name, e.g. "(optional)": a {@link FieldHint} after the children. */
  hint?: ReactNode;
}

/** The field's visible name, a `<label>` for its control. */
export function FieldLabel({ hint, children, className, ...props }: FieldLabelProps) {
  const { controlId, labelId } = useField('FieldLabel');
  useNote('label', true);
  return (
    <label
      data-slot="field-label"
      {...props}
      id={labelId}
      htmlFor={controlId}
      className={cn('pc-field-label', className)}
    >
      {children}
      {hasContent(hint) ? (
        <>
          {' '}
          <FieldHint>{hint}</FieldHint>
        </>
      ) : null}
    </label>
  );
}

/** Props of {@link FieldHint}. */
export type FieldHintProps = ComponentProps<'span'>;

/** Quieter words inside the label, e.g. "(optional)"; part of the control's name (see `hint`). */
export function FieldHint({ className, ...props }: FieldHintProps) {
  return <span data-slot="field-hint" {...props} className={cn('pc-field-hint', className)} />;
}

/** Props of {@link FieldControl}: one child element, which receives the wiring. */
export type FieldControlProps = ComponentProps<typeof Slot.Root>;

/**
 * Wraps the one control element (no element of its own): gives it the field's `id`,
 * `aria-describedby` and `aria-invalid`, and `data-slot="field-control"` unless it has its own.
 * The child's own attributes win, so an `id` belongs on {@link FieldRoot} (`controlId`).
 */
export function FieldControl(props: FieldControlProps) {
  const { controlId, describedBy, invalid } = useField('FieldControl');
  return (
    <Slot.Root
      data-slot="field-control"
      id={controlId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}

/** Props of {@link FieldHelp}. */
export interface FieldHelpProps extends Omit<ComponentProps<'p'>, 'id'> {
  /** Adds a "Learn more" link (new tab) after the words. */
  learnMoreHref?: string;
}

/** A line of help under the control, read with it. Renders nothing when it has no content. */
export function FieldHelp({ learnMoreHref, children, className, ...props }: FieldHelpProps) {
  const messages = useMessages();
  const { helpId } = useField('FieldHelp');
  const words = hasContent(children);
  const shown = words || Boolean(learnMoreHref);
  useNote('help', shown);
  if (!shown) return null;
  return (
    <p data-slot="field-help" {...props} id={helpId} className={cn('pc-field-help', className)}>
      {children}
      {learnMoreHref ? (
        <>
          {words ? ' ' : null}
          <a href={learnMoreHref} target="_blank" rel="noreferrer noopener">
            {messages.common.field.learnMore}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** Props of {@link FieldError}. */
export type FieldErrorProps = Omit<ComponentProps<'p'>, 'id'>;

/**
 * What is wrong with the value, read with the control, which is `aria-invalid` while it shows.
 * Pass the message as children; nothing (`undefined`, `''`) renders nothing and clears both.
 */
export function FieldError({ children, className, ...props }: FieldErrorProps) {
  const { errorId } = useField('FieldError');
  const shown = hasContent(children);
  useNote('error', shown);
  if (!shown) return null;
  return (
    <p data-slot="field-error" {...props} id={errorId} className={cn('pc-field-error', className)}>
      {children}
    </p>
  );
}
