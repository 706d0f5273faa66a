'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/form-controls';
import { COMMENT_MAX, TAG_MAX } from '@/lib/schemas/annotation-limits';

// The text of a new or edited tag or comment. The limit is shown as a counter and enforced by
// refusing with a message, never by cutting what was typed or pasted (the box has no maxLength);
// an empty save says why nothing happened. The server checks the same rules again.
export function AnnotationTextForm({
  kind,
  initial = '',
  pending,
  serverError,
  submitLabel = 'Save',
  onSubmit,
  onCancel,
}: {
  kind: 'tag' | 'comment';
  initial?: string;
  pending: boolean;
  serverError?: string | null;
  submitLabel?: string;
  onSubmit: (value: string, done: () => void) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const max = kind === 'tag' ? TAG_MAX : COMMENT_MAX;
  const label = kind === 'tag' ? 'Tag' : 'Comment';
  const over = text.length > max;
  const submit = () => {
    if (!text.trim()) return setProblem(`${label} is empty: write something first.`);
    if (over)
      return setProblem(`${label} is ${text.length} characters; the limit is ${max}. Shorten it.`);
    setProblem(null);
    onSubmit(text, () => setText(''));
  };
  const message = problem ?? serverError;
  const Box = kind === 'tag' ? Input : Textarea;
  return (
    <form
      className="flex w-full flex-wrap items-start gap-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <Box
        autoFocus
        aria-label={label}
        aria-invalid={over || undefined}
        value={text}
        onChange={(ev: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) =>
          setText(ev.target.value)
        }
        placeholder={kind === 'tag' ? 'e.g. sweep' : 'What does this show?'}
        controlSize="sm"
        className="min-w-40 flex-1"
      />
      <span
        className={`self-center text-xs tabular-nums ${over ? 'font-medium text-red-700' : 'text-slate-600'}`}
        data-testid="text-count"
      >
        {text.length} / {max}
      </span>
      <Button type="submit" size="sm" variant="primary" loading={pending}>
        {submitLabel}
      </Button>
      <Button type="button" size="sm" onClick={onCancel}>
        Cancel
      </Button>
      {message && (
        <p role="alert" className="w-full text-xs text-red-700">
          {message}
        </p>
      )}
    </form>
  );
}
